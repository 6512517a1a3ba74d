#!/usr/bin/env bash
# make dist: the release tarball for helpdesk PCs and editors' machines, which have no Swift and no -dev
# packages (see README.md "热线与编辑:下载即用" and docs/benchmarks.md "Release tarball").
#
#   .build/dist/passline-<version>-linux-x86_64.tar.gz   (+ .sha256 beside it)
#
# What it does:
#   1. builds passline and inquiry in release mode with --static-swift-stdlib (the Swift runtime and
#      Foundation inside the binaries), linking statically each system library Debian ships as an
#      archive (libcmark; libxml2 with the ICU it needs) and dynamically the others (OpenCC: Debian
#      ships no libopencc.a), with the run path $ORIGIN/lib;
#   2. bundles in lib/ exactly the shared objects ldd resolves that are not part of every Debian/Ubuntu
#      system (glibc, libstdc++, libgcc_s, zlib, liblzma), each with the run path $ORIGIN so they find
#      one another;
#   3. bundles in share/opencc/ the OpenCC configurations ChineseScript opens and the dictionaries they
#      name (ChineseScript looks there, beside the executable, before OpenCC's installed data);
#   4. generates Site/ from Content/ with the staged binary (so Site/rules.json carries this Content's
#      contentVersion, and the staged binary has proved it finds its templates and dictionaries);
#   5. adds Content/, a README in Chinese, the licences of what is linked in, and SHA256SUMS.
# The version is PasslineVersion.current (Sources/PasslineCore/Version.swift), read from the binary.
#
# Knobs (environment): SWIFT, DIST_DIR (default .build/dist), DIST_SKIP_BUILD=1 (package what is built).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT="${SWIFT:-swift}"
DIST="${DIST_DIR:-.build/dist}"
mkdir -p "$DIST"
DIST="$(cd "$DIST" && pwd)"
SCRATCH="$DIST/swift"

say() { echo "dist: $*" >&2; }
fail() { echo "dist: error: $*" >&2; exit 1; }

# What this script itself needs besides the package's own system libraries (scripts/deps.sh).
PASSLINE_SITE_ONLY=1 scripts/deps.sh
need=()
command -v patchelf >/dev/null 2>&1 || need+=(patchelf)
command -v sha256sum >/dev/null 2>&1 || need+=(coreutils)
if [ ${#need[@]} -gt 0 ]; then
  say "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 1. Build. SwiftPM finds each system library (the pkgConfig names in Package.swift) through its
#    pkg-config file and puts that file's -L before the compiler's own search folders. Copies of those
#    files point at $DIST/static, which holds, for a library Debian ships as an archive (and whose private
#    dependencies it ships as archives too), the .a files — so -l takes them and links them in, with the
#    private dependencies added — and otherwise the .so, linked dynamically and bundled in step 2.
#    Libraries every Debian/Ubuntu system has (libc, libm, libstdc++, zlib, liblzma…) stay dynamic.
platform_libs='^(c|m|dl|pthread|rt|util|resolv|stdc\+\+|gcc_s|z|lzma)$'
modules="$(grep -o 'pkgConfig: "[^"]*"' Package.swift | sed 's/.*"\(.*\)"/\1/')"
[ -n "$modules" ] || fail "no pkgConfig system library found in Package.swift"
rm -rf "$DIST/static" "$DIST/pkgconfig"
mkdir -p "$DIST/static" "$DIST/pkgconfig"
static_libs=() dynamic_modules=()
for module in $modules; do
  pkg-config --exists "$module" || fail "pkg-config does not know $module (run scripts/deps.sh)"
  libdir="$(pkg-config --variable=libdir "$module")"
  own="$(pkg-config --libs-only-l "$module")"
  all="$(pkg-config --static --libs-only-l "$module")"
  archives=() static=yes
  for flag in $all; do
    lib="${flag#-l}"
    [[ "$lib" =~ $platform_libs ]] && continue
    if [ -f "$libdir/lib$lib.a" ]; then archives+=("$libdir/lib$lib.a"); else static=""; fi
  done
  if [ -n "$static" ]; then
    for archive in "${archives[@]}"; do ln -sfn "$archive" "$DIST/static/"; static_libs+=("$(basename "$archive" .a)"); done
    libs="$all"
  else
    for flag in $own; do
      [ -e "$libdir/lib${flag#-l}.so" ] || fail "$libdir/lib${flag#-l}.so not found"
      ln -sfn "$libdir/lib${flag#-l}.so" "$DIST/static/"
    done
    libs="$own"
    dynamic_modules+=("$module")
  fi
  pc="$(pkg-config --variable=pcfiledir "$module")/$module.pc"
  sed -e "s|^libdir=.*|libdir=$DIST/static|" -e '/^Libs.private:/d' -e '/^Requires.private:/d' \
      -e "s|^Libs:.*|Libs: -L\${libdir} $libs|" "$pc" > "$DIST/pkgconfig/$module.pc"
done
say "linked statically: ${static_libs[*]:-nothing}; dynamically (bundled): ${dynamic_modules[*]:-nothing}"
export PKG_CONFIG_PATH="$DIST/pkgconfig"
build=("$SWIFT" build -c release --scratch-path "$SCRATCH" --static-swift-stdlib
       -Xlinker -rpath -Xlinker '$ORIGIN/lib')
if [ -z "${DIST_SKIP_BUILD:-}" ]; then
  say "building passline and inquiry (release, static Swift runtime; minutes on a cold $SCRATCH)…"
  "${build[@]}" >&2
fi
BIN="$("${build[@]}" --show-bin-path)"
for exe in passline inquiry; do [ -x "$BIN/$exe" ] || fail "$BIN/$exe was not built"; done

version="$("$BIN/passline" --version)"
[ "$version" = "$("$BIN/inquiry" --version)" ] || fail "passline and inquiry report different versions"
[[ "$version" =~ ^[0-9A-Za-z.+~-]+$ ]] || fail "unexpected version '$version'"
name="passline-$version-linux-x86_64"
stage="$DIST/stage/$name"
say "packaging $name"

# Nothing of the Swift toolchain, nor any library linked in statically, may be needed at run time.
forbidden="swift|Foundation|dispatch|BlocksRuntime$(printf '|%s\\.so' "${static_libs[@]}")"
for exe in passline inquiry; do
  needed="$(readelf -d "$BIN/$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
  if grep -Eq "$forbidden" <<<"$needed"; then
    fail "$exe still needs $(grep -E "$forbidden" <<<"$needed" | tr '\n' ' ')"
  fi
done

rm -rf "$DIST/stage"
mkdir -p "$stage/lib" "$stage/share/opencc" "$stage/licenses"
install -m 755 "$BIN/passline" "$BIN/inquiry" "$stage/"
strip --strip-unneeded "$stage/passline" "$stage/inquiry"
# The targets' resources (passline's page templates and assets, the importer's phrasing): Bundle.module
# finds them beside the executable.
resources=("$BIN"/*.resources)
[ -d "${resources[0]}" ] || fail "no resource bundle in $BIN"
cp -R "${resources[@]}" "$stage/"

# 2. Shared objects: whatever ldd resolves, less what every Debian/Ubuntu system has (glibc, the C++
#    runtime, and zlib and liblzma, which dpkg itself needs).
platform='^(linux-vdso\.so\.1|ld-linux-x86-64\.so\.2|libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|libutil\.so\.1|libresolv\.so\.2|libstdc\+\+\.so\.6|libgcc_s\.so\.1|libz\.so\.1|liblzma\.so\.5)$'
bundled=() bundled_paths=()
while read -r soname path; do
  [[ "$soname" =~ $platform ]] && continue
  [ -f "$path" ] || fail "ldd could not resolve $soname"
  cp -L "$path" "$stage/lib/$soname"
  chmod 644 "$stage/lib/$soname"
  patchelf --set-rpath '$ORIGIN' "$stage/lib/$soname"
  bundled+=("$soname") bundled_paths+=("$(readlink -f "$path")")
done < <(ldd "$BIN/passline" "$BIN/inquiry" | awk '$2 == "=>" { print $1, $3 }' | sort -u)
say "bundled shared objects: ${bundled[*]:-none}"

# 3. OpenCC's data: the configurations ChineseScript names, and the dictionaries each names.
datadir="$(pkg-config --variable=prefix opencc)/share/opencc"
configs="$(grep -ho '"[A-Za-z0-9_]*\.json"' Sources/ChineseScript/*.swift | tr -d '"' | sort -u)"
[ -n "$configs" ] || fail "no OpenCC configuration named in Sources/ChineseScript"
for config in $configs; do
  [ -f "$datadir/$config" ] || fail "$datadir/$config not found (Debian's libopencc-data ships it)"
  cp "$datadir/$config" "$stage/share/opencc/"
  for dict in $(grep -o '"file" *: *"[^"]*"' "$datadir/$config" | sed 's/.*"\([^"]*\)"$/\1/' | sort -u); do
    [ -f "$datadir/$dict" ] || fail "$datadir/$dict (named by $config) not found"
    cp "$datadir/$dict" "$stage/share/opencc/"
  done
done
say "OpenCC data: $(cd "$stage/share/opencc" && ls | tr '\n' ' ')"

# Licences of what is linked in or bundled: each package's Debian copyright file (it names the
# upstream licence), and the Swift runtime's licence.
owned=("$DIST"/static/*.a "${bundled_paths[@]}" "$datadir/$(head -1 <<<"$configs")")
for file in "${owned[@]}"; do
  package="$(dpkg -S "$(readlink -f "$file")" 2>/dev/null | head -1 | cut -d: -f1)" || true
  if [ -n "$package" ] && [ -f "/usr/share/doc/$package/copyright" ]; then
    cp "/usr/share/doc/$package/copyright" "$stage/licenses/$package.copyright"
  else
    fail "no Debian copyright file found for $file"
  fi
done
swift_license="$(dirname "$(dirname "$(readlink -f "$(command -v "$SWIFT")")")")/share/swift/LICENSE.txt"
[ -f "$swift_license" ] && cp "$swift_license" "$stage/licenses/swift.LICENSE.txt"

# 4.–5. Content/ as it is here (no hidden files), and Site/ generated from it by the staged binary.
cp -R Content "$stage/Content"
find "$stage/Content" -name '.*' -prune -exec rm -rf {} +
say "generating Site/ from Content/ with the packaged passline…"
(cd "$stage" && ./passline build --content Content --output Site >/dev/null)
# The build cache beside Site/ is this machine's (it names the binary by inode and mtime): not shipped.
rm -rf "$stage/.Site.cache"
[ -f "$stage/Site/rules.json" ] || fail "the packaged passline did not write Site/rules.json"
content_version="$(sed -n 's/^  "contentVersion" : "\([^"]*\)".*/\1/p' "$stage/Site/rules.json")"
[ -n "$content_version" ] || fail "Site/rules.json has no contentVersion"

# The oldest C and C++ runtimes the binaries and bundled objects accept: the newest symbol versions they use.
symbols="$(objdump -T "$stage/passline" "$stage/inquiry" "$stage"/lib/* 2>/dev/null)"
glibc="$(grep -o 'GLIBC_[0-9.]*' <<<"$symbols" | sort -uV | tail -1)"
glibcxx="$(grep -o 'GLIBCXX_[0-9.]*' <<<"$symbols" | sort -uV | tail -1)"
scripts/dist-readme.sh "$version" "$name" "$content_version" "${glibc#GLIBC_}" "${glibcxx#GLIBCXX_}" > "$stage/README.txt"

(cd "$stage" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)

# Reproducible archive: sorted names, no owners, one timestamp (the commit's, when there is one).
# gzip's default level: -9 took three times the CPU for 0.4% less.
epoch="$(git log -1 --format=%ct 2>/dev/null || echo 0)"
tarball="$DIST/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$DIST/stage" -cf - "$name" \
  | gzip -n > "$tarball.tmp"
mv "$tarball.tmp" "$tarball"
(cd "$DIST" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$tarball" > "$DIST/tarball-path"

size="$(stat -c %s "$tarball")"
say "$tarball: $((size / 1024 / 1024)) MiB ($size bytes); content version $content_version; needs glibc ${glibc#GLIBC_}+, ${glibcxx}+"
echo "$tarball"
