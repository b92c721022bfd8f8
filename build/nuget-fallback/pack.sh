#!/usr/bin/env bash
# Rebuilds Patched.DistributedLock.Core.1.0.99.nupkg from the nuspec beside it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$here/Patched.DistributedLock.Core.nuspec" "$tmp/"; touch "$tmp/_._"
cat > "$tmp/fb.csproj" <<'P'
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework>
<NuspecFile>Patched.DistributedLock.Core.nuspec</NuspecFile><NoBuild>true</NoBuild>
<IncludeBuildOutput>false</IncludeBuildOutput><NoWarn>NU5128</NoWarn></PropertyGroup></Project>
P
dotnet pack "$tmp/fb.csproj" -o "$here" >/dev/null
echo "rebuilt $here/Patched.DistributedLock.Core.1.0.99.nupkg"
