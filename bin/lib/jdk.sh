# Sourced by the launchers: points JAVA_HOME at a JDK 25 or newer, or stops with a clear message.
# Order: $JAVA_HOME if it is ≥ 25, then the usual install places.
potentia_java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
potentia_find_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]* \
                     /usr/lib/jvm/java-2[5-9]-* /usr/lib/jvm/jdk-2[5-9]* /opt/java/openjdk; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(potentia_java_major "$candidate")
        if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}
if ! JAVA_HOME=$(potentia_find_jdk); then
    echo "potentia: no JDK 25 found. Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    exit 1
fi
export JAVA_HOME
