#!/bin/sh
# Builds the root file system that the container image of `serve` adds to an empty (scratch) base:
# no base image can be pulled where this project is built, and none is needed.
#
#   /opt/java                 a Java runtime made by jlink from the JDK running Maven
#   /lib*, /usr/lib*          the shared libraries that runtime loads (found with ldd), and the loader
#   /etc/passwd, /etc/group   the unprivileged user the service runs as (uid and gid 65532)
#   /tmp                      for the JVM's and Drools's temporary files
#
# Usage: runtime-root.sh JAVA_HOME OUTPUT_DIR   (Linux only; called by the `image` profile)
set -eu
java_home="$1"
root="$2"

rm -rf "$root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp"

# The modules of Java SE, plus what Drools and Jetty reach beyond it (sun.misc.Unsafe, the Java
# compiler for a --rules directory's DRL, elliptic-curve TLS, zip file systems).
"$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.compiler,jdk.crypto.ec,jdk.zipfs,jdk.localedata \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$root/opt/java"

# The libraries the runtime links against, copied to the paths the loader looks in. The desktop
# (AWT) libraries are left out: the service runs headless and never loads them.
libs=$(find "$root/opt/java" -name '*.so' ! -name '*awt*' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' \
        ! -name 'libfontmanager.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libmlib_image.so' \
        ! -name 'libjawt.so' ! -name 'libj2pcsc.so'; echo "$root/opt/java/bin/java")
for f in $libs; do
    ldd "$f" 2>/dev/null | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }'
done | sort -u | while read -r lib; do
    case "$lib" in "$root"*) continue ;; esac
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
done

printf 'root:x:0:0:root:/root:/sbin/nologin\ncds:x:65532:65532:leg-cramp-cds:/tmp:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\ncds:x:65532:\n' > "$root/etc/group"
# Jib copies files, not empty directories: /tmp keeps a marker.
: > "$root/tmp/.keep"
