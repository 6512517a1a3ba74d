#!/usr/bin/env bash
# make dist-test: proves the release tarball (make dist) runs on a plain Debian system without Swift and
# without -dev packages. It unpacks the tarball into a minimal Debian root made with debootstrap and runs,
# inside it via chroot: the README's helpdesk lines exactly as written, inquiry --version / version / ask
# (a threshold, a window, a Traditional question) / check, passline check, build and import on the
# shipped Content/, and ldd of every binary and bundled object.
#
# The debootstrap root is made once per machine and cached outside the repository (it needs the Debian
# mirror once, ~1 minute); each run works in a fresh copy of it, so no run sees what another left.
#
# Usage: scripts/dist-test.sh [TARBALL]   (default: the one make dist last wrote)
# Knobs (environment):
#   DIST_TEST_CACHE=/var/cache/passline-dist-test   where the pristine root is kept
#   DIST_TEST_SUITE=bookworm   DIST_TEST_MIRROR=http://deb.debian.org/debian
#   DIST_TEST_KEEP=1           keep the run's copy of the root (its path is printed) for inspection
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

[ "$(id -u)" -eq 0 ] || { echo "dist-test: needs root (debootstrap, chroot, mount): run it with sudo" >&2; exit 2; }

tarball="${1:-$(cat .build/dist/tarball-path 2>/dev/null || true)}"
[ -n "$tarball" ] && [ -f "$tarball" ] || { echo "dist-test: no tarball: run make dist first" >&2; exit 2; }
tarball="$(readlink -f "$tarball")"
file="$(basename "$tarball")"
name="${file%.tar.gz}"
version="${name#passline-}"; version="${version%-linux-x86_64}"

suite="${DIST_TEST_SUITE:-bookworm}"
mirror="${DIST_TEST_MIRROR:-http://deb.debian.org/debian}"
cache="${DIST_TEST_CACHE:-/var/cache/passline-dist-test}"
# Bump the last part when the way the root is made changes, so a stale cache is not reused.
pristine="$cache/debian-$suite-minbase-1"

say() { echo "dist-test: $*" >&2; }

command -v debootstrap >/dev/null 2>&1 || {
  say "installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

started=$SECONDS root_state="cached"
mkdir -p "$cache"
# One run at a time makes the root; copies left by runs that were killed a day ago or more are removed.
exec 9>"$cache/lock"
flock 9
for stale in $(find "$cache" -maxdepth 1 -name 'run.*' -mmin +1440); do
  umount "$stale/root/proc" 2>/dev/null || true
  mountpoint -q "$stale/root/proc" || rm -rf "$stale"
done
if [ ! -f "$pristine/.passline-complete" ]; then
  root_state="made now"
  say "making a minimal Debian $suite root with debootstrap (once per machine) in $pristine…"
  rm -rf "$pristine.partial"
  debootstrap --variant=minbase "$suite" "$pristine.partial" "$mirror" > "$cache/debootstrap.log" 2>&1 || {
    tail -20 "$cache/debootstrap.log" >&2; say "debootstrap failed (log: $cache/debootstrap.log)"; exit 1; }
  # Package lists and downloaded .debs are not part of a plain system's programs; drop them to keep the
  # copy each run makes small.
  rm -rf "$pristine.partial"/var/cache/apt/archives/*.deb "$pristine.partial"/var/lib/apt/lists/*
  touch "$pristine.partial/.passline-complete"
  rm -rf "$pristine"
  mv "$pristine.partial" "$pristine"
  say "root ready in $((SECONDS - started)) s"
else
  say "using the cached root $pristine"
fi

work="$(mktemp -d "$cache/run.XXXXXX")"
flock -u 9
root="$work/root"
cleanup() {
  umount "$root/proc" 2>/dev/null || umount -l "$root/proc" 2>/dev/null || true
  if [ -n "${DIST_TEST_KEEP:-}" ]; then say "kept $root"
  elif mountpoint -q "$root/proc"; then say "left $work: $root/proc is still mounted"
  else rm -rf "$work"; fi
}
trap cleanup EXIT
copy_start=$SECONDS
cp -a "$pristine" "$root"
rm -f "$root/.passline-complete"
say "fresh copy of the root in $((SECONDS - copy_start)) s"
# Programs find their own path through /proc/self/exe, as on any running Linux system.
mount -t proc proc "$root/proc"

home=/home/helpdesk
dir="$home/$name"
mkdir -p "$root$home"
cp "$tarball" "$root$home/"

passed=0 failed=0
# inroot COMMAND: runs COMMAND with bash inside the root, in the unpacked folder when it exists, with the
# environment of a plain login (no PATH into the build machine, no LD_LIBRARY_PATH).
inroot() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME="$home" LANG=C.UTF-8 \
    TERM=dumb bash -c "cd '$home' && { cd '$dir' 2>/dev/null || true; } && $1" </dev/null
}
# check NAME COMMAND [EXPECTED…]: COMMAND must exit 0 and print every EXPECTED text (fixed strings).
# A line "!TEXT" means TEXT must not appear; "=N" means the exit status must be N.
check() {
  local title="$1" command="$2" out status want=0
  shift 2
  for expected in "$@"; do [[ "$expected" == =* ]] && want="${expected#=}"; done
  set +e; out="$(inroot "$command" 2>&1)"; status=$?; set -e
  local problems=()
  [ "$status" -eq "$want" ] || problems+=("exit status $status, expected $want")
  for expected in "$@"; do
    case "$expected" in
      =*) ;;
      !*) ! grep -qF -- "${expected#!}" <<<"$out" || problems+=("prints '${expected#!}'") ;;
      *) grep -qF -- "$expected" <<<"$out" || problems+=("does not print '$expected'") ;;
    esac
  done
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1)); echo "  ok    $title"
  else
    failed=$((failed + 1)); echo "  FAIL  $title: ${problems[*]}"
    echo "        \$ $command"; sed 's/^/        | /' <<<"$out" | head -40
  fi
}

echo "dist-test: $file in a debootstrap'd Debian $suite (minbase)"

# The root is a plain system: no Swift, no -dev package, none of the libraries the tarball brings.
check "the root has no Swift toolchain" "! command -v swift && ! command -v swiftc && ! ls -d /opt/swift /usr/lib/swift 2>/dev/null"
check "the root has no -dev package, nor cmark, OpenCC, marisa, libxml2 or ICU" \
  "dpkg-query -W -f '\${Package}\n' | grep -E -- '-dev\$|cmark|opencc|marisa|xml|icu|swift' || echo clean" "clean"
check "the root has none of their files" \
  "find / -xdev \\( -name 'libcmark*' -o -name 'libopencc*' -o -name 'libmarisa*' -o -name 'libxml2*' -o -name 'libicu*' -o -name 'libswift*' -o -path /usr/share/opencc \\) -print -quit | grep . || echo clean" "clean"

# README.md's helpdesk lines, exactly as written, with two questions on standard input.
readme_lines="$(sed -n '/<!-- helpdesk:start -->/,/<!-- helpdesk:end -->/p' "$repo/README.md" | sed -n '/^```/,/^```/p' | sed '/^```/d')"
[ -n "$readme_lines" ] || { echo "dist-test: README.md has no helpdesk block between <!-- helpdesk:start --> and <!-- helpdesk:end -->" >&2; exit 1; }
check "README.md's helpdesk lines work as written" \
  "printf '%s\n' '2024年下半年高级合格标准是多少' '/quit' | { $readme_lines; }" \
  "2024年下半年高级:各科目40分(含)" "三(一)4"

# The tarball's own README.txt: its two lines in another folder, and each inquiry example it gives.
readme_txt="$root$dir/README.txt"
if [ -f "$readme_txt" ]; then
  mkdir -p "$root/home/helpdesk2"
  cp "$tarball" "$root/home/helpdesk2/"
  two="$(grep -E '^    (tar xzf|\./inquiry --rules)' "$readme_txt" | sed 's/^    //')"
  check "README.txt's two lines work as written" \
    "cd /home/helpdesk2 && printf '%s\n' '申请什么时候截止' | { $two; }" "2025年2月28日17:00"
  mapfile -t examples < <(grep -E '^    \./inquiry (ask|check|version) ' "$readme_txt" | sed 's/^    //')
  [ ${#examples[@]} -ge 3 ] || check "README.txt gives the ask, check and version examples" "false"
  for example in "${examples[@]}"; do check "README.txt: ${example:0:60}…" "$example"; done
else
  check "the tarball has README.txt" "test -f README.txt"
fi

# The binaries: version, the bot from rules.json alone, the verdict, the editors' commands.
check "inquiry --version" "./inquiry --version" "$version"
check "passline --version" "./passline --version" "$version"
content_version="$(sed -n 's/^  "contentVersion" : "\([^"]*\)".*/\1/p' "$root$dir/Site/rules.json" 2>/dev/null || true)"
check "inquiry version names the rules' content version" "./inquiry version --rules Site/rules.json" \
  "inquiry $version" "规则内容版本:${content_version:-missing}" "2025-01-15"
check "ask: a threshold (2024年下半年 高级 40分, notice 三(一)4)" \
  "./inquiry ask --rules Site/rules.json '2024年下半年高级的合格分数线是多少'" "2024年下半年高级:各科目40分(含)" "三(一)4"
check "ask: the window while open (1月22日9:00 to 2月28日17:00, notice 一(一))" \
  "./inquiry ask --rules Site/rules.json --now 2025-02-10T10:00:00+08:00 '申请什么时候截止'" \
  "2025年1月22日9:00至2025年2月28日17:00" "正在受理" "一(一)"
check "ask: the window after it closed" \
  "./inquiry ask --rules Site/rules.json --now 2025-03-01T09:00:00+08:00 '申请什么时候截止'" \
  "已于2025年2月28日17:00截止" "!正在受理"
check "ask: a Traditional question is answered in Traditional (OpenCC's bundled dictionaries)" \
  "./inquiry ask --rules Site/rules.json --now 2025-02-10T10:00:00+08:00 '申請截止時間是什麼時候'" \
  "補申領申請時間:2025年1月22日9:00至2025年2月28日17:00" "一(一)條" "!补申领"
check "check: 41,41,41 at 高级 2024-H2, registered locally → eligible" \
  "./inquiry check --rules Site/rules.json --exam ruankao --session 2024-H2 --level senior --scores 41,41,41 --category local --now 2025-02-10T10:00:00+08:00 --json" \
  '"status":"eligible"' '"threshold":40' '"window":"open"'
check "check: 39 in one subject → below the threshold of 40" \
  "./inquiry check --rules Site/rules.json --exam ruankao --session 2024-H2 --level senior --scores 39,41,41 --category local --now 2025-02-10T10:00:00+08:00" \
  "低于2024年下半年单独划线合格标准40分(含)"
check "check: invalid input exits 2 with a message" \
  "./inquiry check --rules Site/rules.json --exam ruankao --session 2024-H2 --level senior --scores 41 --category local" "=2" "输入有误"
check "passline check on the shipped Content/" "./passline check" "Content: OK"
check "passline build on the shipped Content/ rewrites Site/ byte for byte" \
  "./passline build >/dev/null && sha256sum --quiet -c SHA256SUMS && echo identical" "identical"
check "passline build into a new folder, zh-Hant pages converted" \
  "./passline build --output /tmp/site >/dev/null && grep -q '補申領' /tmp/site/zh-Hant/index.html && echo converted" "converted"

# passline import reads a saved web page with libxml2 (linked in, with its ICU): a GB18030 repost of the notice.
cp "$repo/Tests/PasslineImportTests/Fixtures/synthetic-2025-01-15-repost-gb18030.html" "$root/tmp/repost.html"
check "passline import reads a saved GB18030 web page (libxml2)" \
  "./passline import /tmp/repost.html --dry-run" "GB18030" \
  "申请时间 application:2025-01-22T09:00+08:00 至 2025-02-28T17:00+08:00" "咨询电话 hotline:010-68607734"

# Installed elsewhere through a symbolic link and run from another folder, the binaries still find their
# dictionaries, libraries and templates beside their real location.
check "inquiry through a link in /usr/local/bin, from /: Traditional still converted" \
  "ln -sf '$dir/inquiry' /usr/local/bin/inquiry && cd / && inquiry ask --rules '$dir/Site/rules.json' --now 2025-02-10T10:00:00+08:00 '申請截止時間是什麼時候'" \
  "補申領申請時間" "!补申领"
check "passline through a link in /usr/local/bin, from another folder: build finds its templates" \
  "ln -sf '$dir/passline' /usr/local/bin/passline && mkdir -p /tmp/elsewhere && cd /tmp/elsewhere && passline build --content '$dir/Content' --output out >/dev/null && test -s out/zh-Hant/notice.html && echo built" "built"

# Every binary and bundled object resolves all it needs, inside the root.
for path in "$root$dir/passline" "$root$dir/inquiry" "$root$dir"/lib/*; do
  object="${path#"$root$dir/"}"
  check "ldd $object resolves everything" "ldd $dir/$object && ! ldd $dir/$object | grep -q 'not found'" "!not found"
done
check "the bundled OpenCC is the one loaded" "ldd $dir/inquiry | grep libopencc" "$dir/lib/libopencc"

echo "dist-test: $((SECONDS - started)) s in all (root $root_state)"
echo "dist-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
