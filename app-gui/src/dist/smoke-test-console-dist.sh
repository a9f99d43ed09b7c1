#!/bin/sh
# Smoke test of the console's distributions (verify phase of the `dist` profile): the app image starts
# headless with a fresh data directory, reports its first data (rows > 0) and exits 0; the .deb and the
# tar.gz hold what a user needs. Any failure fails the build.
# Usage: smoke-test-console-dist.sh DIST_DIR PORT
set -eu
dist=$1 port=$2
name=modeldeploy-console
fail() { echo "console dist smoke test: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Starts the console from an unpacked image; the class-data cache must be usable there (-XX:AOTMode=on or
# -Xshare:on make the JVM fail otherwise).
start_console() {
  image=$1
  [ -x "$image/bin/$name" ] || fail "no launcher in $image"
  if grep -q 'java-options=-XX:AOTCache=' "$image/lib/app/$name.cfg"; then force=-XX:AOTMode=on
  elif grep -q 'java-options=-XX:SharedArchiveFile=' "$image/lib/app/$name.cfg"; then force=-Xshare:on
  else fail "$image has no class-data cache in its launcher options"
  fi
  JAVA_TOOL_OPTIONS="$force -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
-Dmodeldeploy.reportFirstData=true -Dmodeldeploy.exitAfterFirstData=true -Djava.util.prefs.userRoot=$tmp/prefs" \
    timeout 180 "$image/bin/$name" --port "$port" --data-dir "$tmp/data-$2" > "$tmp/out.log" 2>&1 \
    || { cat "$tmp/out.log"; fail "the launcher in $image did not exit 0"; }
  line=$(grep '^modeldeploy-first-data ' "$tmp/out.log") || { cat "$tmp/out.log"; fail "no first-data line"; }
  rows=$(echo "$line" | sed -n 's/.* rows=\([0-9]*\).*/\1/p')
  [ "${rows:-0}" -gt 0 ] || fail "first data without rows: $line"
  if grep -q -i 'warning\|error' "$tmp/out.log"; then cat "$tmp/out.log"; fail "the launcher printed warnings"; fi
  echo "console from the $2: $line"
}

deb=$(ls "$dist"/${name}_*_amd64.deb) || fail "no .deb"
dpkg-deb -f "$deb" Package | grep -qx "$name" || fail "package name"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libgtk-3-0 libgl1 libxtst6 fontconfig; do
  echo "$depends" | grep -q "$dep" || fail ".deb does not depend on $dep: $depends"
done
dpkg-deb -c "$deb" > "$tmp/deb.txt"
for path in ./opt/$name/bin/$name ./opt/$name/lib/$name.png ./opt/$name/lib/$name-$name.desktop \
    ./opt/$name/lib/app/$name.jar ./opt/$name/lib/runtime/lib/server/libjvm.so; do
  grep -q " $path\$" "$tmp/deb.txt" || fail ".deb lacks $path"
done
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/$name/lib/$name-$name.desktop > "$tmp/entry.desktop"
grep -qx 'Name=ModelDeploy Console' "$tmp/entry.desktop" && grep -qx "Exec=/opt/$name/bin/$name" "$tmp/entry.desktop" \
  || { cat "$tmp/entry.desktop"; fail "the menu entry does not name and start the console"; }
dpkg-deb -e "$deb" "$tmp/control"
grep -q "ln -sf /opt/$name/bin/$name /usr/bin/$name" "$tmp/control/postinst" || fail "postinst does not link the command"
grep -q "mkdir -p /etc/xdg/menus /usr/share/desktop-directories" "$tmp/control/postinst" && grep -q "xdg-desktop-menu install" "$tmp/control/postinst" \
  || fail "postinst does not install the menu entry"
grep -q "rm -f /usr/bin/$name" "$tmp/control/prerm" || fail "prerm does not remove the command"
dpkg-deb -x "$deb" "$tmp/deb-root"
start_console "$tmp/deb-root/opt/$name" deb
echo "console .deb: $(basename "$deb"), Depends: $depends"

tarball=$(ls "$dist"/$name-*-linux-x64.tar.gz) || fail "no tar.gz"
tar -tzf "$tarball" > "$tmp/tar.txt"
for path in $name/bin/$name $name/lib/app/$name.cfg $name/lib/app/$name.jar $name/lib/runtime/bin/java; do
  grep -qx "$path" "$tmp/tar.txt" || fail "tar.gz lacks $path"
done
mkdir "$tmp/tar-root"
tar -C "$tmp/tar-root" -xzf "$tarball"
start_console "$tmp/tar-root/$name" tar.gz
echo "console tar.gz: $(basename "$tarball") ok"
