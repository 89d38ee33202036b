#!/usr/bin/env bash
# Publishes the AOT smoke app with native AOT, failing on any trim or AOT warning, then runs it.
# Needs a native toolchain: clang, or else gcc (used automatically when clang is absent), and zlib headers.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
linker=()
command -v clang >/dev/null 2>&1 || linker=(-p:CppCompilerAndLinker=gcc)
dotnet publish -c Release -r linux-x64 -o "$out" -warnaserror "${linker[@]}" "$@"
"$out/AotSmoke"
rm -rf "$out"
