#!/usr/bin/env bash
# Prints the release tarball's README.txt (Chinese, for helpdesk staff and editors); scripts/dist.sh
# calls it. Arguments: version, folder name, content version, minimum glibc, minimum libstdc++ (GLIBCXX).
set -euo pipefail
version="$1" name="$2" content_version="$3" glibc="$4" glibcxx="$5"
cat <<EOF
Passline $version —— 单独划线地区证书补申领:热线答询机器人、网站与编辑工具

适用于 64 位 x86 Linux,不需要安装 Swift 或其他软件包(需要 glibc $glibc 与 libstdc++ GLIBCXX_$glibcxx
或更新;在 Debian 12 上测试)。本包的规则内容版本:$content_version。


一、热线答询(inquiry)

  解压,进入文件夹,运行答询机器人:

    tar xzf $name.tar.gz && cd $name
    ./inquiry --rules Site/rules.json

  输入问题后回车,简体、繁体都可以;/reset 开始新的对话,/quit 或 Ctrl-D 退出。
  每个回答都注明依据(通知条款、常见问题或背景资料);答不了的问题会给出热线和官方网站。

  只问一个问题:
    ./inquiry ask --rules Site/rules.json "2024年下半年高级合格标准是多少"
  判断能否补申领(分数按考试科目顺序,逗号分隔):
    ./inquiry check --rules Site/rules.json --exam ruankao --session 2024-H2 --level senior --scores 41,41,41 --category local
  说明回答依据哪一版规则:
    ./inquiry version --rules Site/rules.json
  它显示程序版本、规则内容版本($content_version,即 Site/rules.json 中的 contentVersion)和当前通知。


二、编辑(passline)

  Content/ 是网站和机器人全部内容的来源(Markdown 文件)。修改后在本文件夹中运行:

    ./passline check     检查内容:列出每个问题(文件:行:列)和改法,直到最后显示 Content: OK
    ./passline build     重新生成 Site/;有错误时什么也不写,原来的 Site/ 保持不变
    ./passline serve     在本机预览网站(用浏览器打开它显示的地址)
    ./passline import 通知.html   从通知原文或保存的网页生成 Content/ 里的草稿,并列出要核对的每一项

  改动后规则内容版本随之改变,inquiry version 会显示新的版本。
  完整的编辑步骤见项目 README 的 "Editors' guide";passline diff 需要 git 仓库,请在项目仓库中使用。


三、网站(Site/)

  Site/ 是生成好的静态网站:用浏览器直接打开 Site/index.html,或把整个 Site/ 文件夹上传到网站服务器。
  Site/rules.json 是规则数据,inquiry --rules 就是根据它回答的。


四、文件

  passline、inquiry                  两个程序(Swift 运行库、libcmark,以及 passline import 用的 libxml2
                                     和 ICU,都已静态链接在程序内)
  lib/                               OpenCC 简繁转换库及其依赖(程序自动从这里加载)
  share/opencc/                      简繁转换的配置和词典
  Passline_*.resources/              网页模板和样式(passline build 使用)、导入通知用的词表(passline import)
  Site/、Content/                    网站与内容
  licenses/                          所含开源软件的许可证
  SHA256SUMS                         文件校验:sha256sum -c SHA256SUMS

  这些文件要放在同一个文件夹里;整个文件夹可以移到任何位置。
  升级时解压新版本的压缩包(文件夹名带版本号,不会覆盖旧版本)。
EOF
