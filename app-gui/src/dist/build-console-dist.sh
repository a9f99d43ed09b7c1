#!/bin/sh
# Builds the console's distributions under target/dist (called by the `dist` profile of app-gui/pom.xml):
#   modeldeploy-console/            jpackage app image with its own jlinked runtime (from DIST_JDK)
#   modeldeploy-console-<v>-linux-x64.tar.gz   that image, for Linux systems without dpkg
#   modeldeploy-console_<v>_amd64.deb          installs to /opt/modeldeploy-console, menu entry, /usr/bin link
# On a JDK 24+ runtime a training run (headless, through Monocle) records an AOT cache into the image
# (JEP 483/514); on older runtimes an AppCDS archive of the same run.
# Usage: build-console-dist.sh TARGET_DIR FAT_JAR MONOCLE_JAR VERSION DIST_JDK SRC_DIST_DIR TRAINING_PORT
set -eu
target=$1 fat_jar=$2 monocle_jar=$3 version=$4 dist_jdk=$5 src=$6 port=$7
name=modeldeploy-console
app_version=${version%%-*}
work=$target/dist-work
dist=$target/dist
# jpackage of the JDK running the build: its launcher starts any runtime image, whichever JDK made it.
tool_jdk=${JAVA_HOME:?JAVA_HOME must name the JDK that runs jpackage}
rm -rf "$work" "$dist"
mkdir -p "$work/input" "$work/resources" "$dist"
cp "$fat_jar" "$work/input/$name.jar"
# Monocle stays on the class path of the image so that the training run (headless) and later runs have the
# same class path, which the class-data cache requires; it is only used with -Dglass.platform=Monocle.
cp "$monocle_jar" "$work/input/openjfx-monocle.jar"

# Modules: `jdeps --print-module-deps` of the fat jar, plus what is loaded reflectively or by service:
# TLS with EC keys, zip file systems, JMX platform beans.
modules=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.prefs
modules=$modules,java.rmi,java.scripting,java.security.jgss,java.sql,jdk.jfr,jdk.net,jdk.unsupported
modules=$modules,jdk.crypto.ec,jdk.zipfs,jdk.management
"$dist_jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$work/runtime"

feature=$("$work/runtime/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = //p')
# Memory for a console left open all day: G1, which reclaims the old generation's garbage concurrently and, with
# a periodic collection when nothing else collected for 15 s, gives memory back while the console is idle; a heap
# that gives back what it does not use (free ratio 10-30 %; HeapRelease asks for one full collection once the
# fleet is in) up to 256 MB (10,000 deployments fit); the C1 compiler only (less code cache and compiler memory;
# the console's work is short UI tasks). The serial collector started as fast but kept the start's garbage in its
# old generation until it was full: 449-464 MB against G1's 366-376 MB a minute after 10,000 deployments.
# For the start: a heap of 64 MB from the outset (from 16 MB it took 30 young collections to grow), and a full
# collection for the code cache only after 24 MB of new code, not 7 MB (one at 1.6 s took 76 ms).
options="-XX:+UseG1GC -XX:MinHeapSize=16m -XX:InitialHeapSize=64m -Xmx256m"
options="$options -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:G1PeriodicGCInterval=15000"
options="$options -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -XX:SweeperThreshold=50"
# JavaFX's software pipeline (SoftwareRendering; JAVA_TOOL_OPTIONS=-Dprism.order=es2 overrides it): a console of
# tables and forms needs no GPU, and without OpenGL the system's OpenGL driver (Mesa and LLVM) is not mapped: ~50 MB
# less resident memory, the same time to first data.
options="$options -Dmodeldeploy.rendering=software"
if [ "$feature" -ge 24 ]; then
  # JavaFX 21 loads its native code and uses sun.misc.Unsafe from the class path: JDK 24+ would warn on every start.
  # Compact object headers (8 bytes instead of 12) make every object smaller.
  options="$options --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseCompactObjectHeaders"
fi

"$tool_jdk/bin/jpackage" --type app-image --name "$name" --dest "$work/image" --input "$work/input" \
  --main-jar "$name.jar" --main-class io.modeldeploy.gui.ConsoleLauncher --runtime-image "$work/runtime" \
  --icon "$src/$name.png" --app-version "$app_version" --java-options "$options"
image=$work/image/$name

# The .deb's maintainer scripts are jpackage's own templates (of the jpackage that runs) plus a command on
# the PATH: /usr/bin/modeldeploy-console -> /opt/modeldeploy-console/bin/modeldeploy-console. The menu
# entry is installed by xdg-desktop-menu, which gives up where /etc/xdg/menus or /usr/share/desktop-directories
# do not exist yet (a system without a desktop menu package so far), so they are made first.
"$tool_jdk/bin/jimage" extract --dir "$work/templates" \
  --include 'regex:.*/template\.(postinst|prerm|desktop)' "$tool_jdk/lib/modules"
templates=$(find "$work/templates" -name template.postinst -exec dirname {} \;)
sed -e "/^ *configure)/a ln -sf /opt/$name/bin/$name /usr/bin/$name" \
  -e "/^ *configure)/a mkdir -p /etc/xdg/menus /usr/share/desktop-directories" \
  "$templates/template.postinst" > "$work/resources/postinst"
sed "/^ *remove|upgrade|deconfigure)/a rm -f /usr/bin/$name" \
  "$templates/template.prerm" > "$work/resources/prerm"
grep -q "ln -sf" "$work/resources/postinst" && grep -q "rm -f /usr/bin" "$work/resources/prerm"

# The menu entry: jpackage's template, with the application's name as people read it instead of the package name.
sed "s/^Name=APPLICATION_NAME\$/Name=ModelDeploy Console/" "$templates/template.desktop" > "$work/resources/$name.desktop"
grep -q '^Name=ModelDeploy Console$' "$work/resources/$name.desktop"

# JavaFX's native libraries are inside the jar, so jpackage cannot see what they link: GTK 3 (glass), GL
# (prism-es2), XTest (robot), and fonts for text.
"$tool_jdk/bin/jpackage" --type deb --app-image "$image" --name "$name" --dest "$work/deb" \
  --app-version "$app_version" --resource-dir "$work/resources" \
  --description "Desktop console for ModelDeploy deployments (with a built-in server)" \
  --vendor "ModelDeploy" --linux-package-name "$name" --linux-app-category devel \
  --linux-menu-group "Development" --linux-shortcut --icon "$src/$name.png" \
  --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1, fontconfig, fonts-dejavu-core"
deb=$(ls "$work"/deb/*.deb)

# The class-data cache is only used with the very files (times included) it was made from, and jpackage's
# .deb step copies them anew; so the training run happens in the unpacked .deb, which is then packed again.
tree=$work/deb-tree
dpkg-deb -R "$deb" "$tree"
installed=$tree/opt/$name
cfg=$installed/lib/app/$name.cfg

# Training run: the console starts headless with the demo fleet in a fresh data directory and exits after
# its first rendered data; the JVM writes the class-data cache on exit.
training_data=$work/training-data
if [ "$feature" -ge 25 ]; then
  record="-XX:AOTCacheOutput=$installed/lib/app/$name.aot"
  use='-XX:AOTCache=$APPDIR/'"$name.aot"
else
  record="-XX:ArchiveClassesAtExit=$installed/lib/app/$name.jsa"
  use='-XX:SharedArchiveFile=$APPDIR/'"$name.jsa"
fi
JAVA_TOOL_OPTIONS="$record -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
-Dmodeldeploy.reportFirstData=true -Dmodeldeploy.exitAfterFirstData=true \
-Djava.util.prefs.userRoot=$work/training-prefs" \
  "$installed/bin/$name" --port "$port" --data-dir "$training_data" > "$work/training.log" 2>&1 \
  || { cat "$work/training.log"; echo "training run failed" >&2; exit 1; }
grep -q '^modeldeploy-first-data ' "$work/training.log" || { cat "$work/training.log"; exit 1; }
rm -rf "$training_data" "$work/training-prefs"
echo "java-options=$use" >> "$cfg"
sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk "$tree/opt" | cut -f1)/" "$tree/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -b "$tree" "$dist/$(basename "$deb")"

cp -a "$installed" "$dist/$name"
tar -C "$dist" -czf "$dist/$name-$app_version-linux-x64.tar.gz" "$name"
ls -l "$dist"
