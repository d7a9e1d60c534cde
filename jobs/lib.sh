# Shared by the jobs/ scripts: building the jar and assembling JVM options.

# Prints the path of the shaded jar.
probehunt_jar() {
  local root=$1
  local version
  version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
  echo "$root/target/probehunt-$version.jar"
}

# Builds the jar and Spark's classpath when either is missing or older than the sources.
probehunt_build() {
  local root=$1 jar
  jar=$(probehunt_jar "$root")
  if [[ -f $jar && -f $root/target/spark-classpath.txt ]] &&
    [[ -z $(find "$root/pom.xml" "$root/src/main" -newer "$jar" -print -quit) ]]; then
    return 0
  fi
  echo "probehunt: building (first run, or the sources changed)..." >&2
  # Maven's quiet mode still writes colour-reset codes; they are noise on the console.
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/spark-classpath.txt -Dmdep.includeScope=provided) 2>&1 |
    sed -e 's/\x1b\[[0-9;]*m//g' >&2
  return "${PIPESTATUS[0]}"
}

# Appends the JVM options of jobs/conf/jvm-options to the array named $2.
probehunt_jvm_options() {
  local root=$1 line
  local -n into=$2
  while IFS= read -r line; do
    [[ -z $line || $line == \#* ]] && continue
    into+=("$line")
  done <"$root/jobs/conf/jvm-options"
}

# Appends the Spark properties of file $1 as -Dkey=value to the array named $2,
# unless the environment's PROBEHUNT_JAVA_OPTS already sets that key.
probehunt_properties() {
  local file=$1 key value
  local -n props=$2
  while read -r key value; do
    [[ -z $key || $key == \#* ]] && continue
    [[ ${PROBEHUNT_JAVA_OPTS:-} == *"-D$key="* ]] && continue
    props+=("-D$key=$value")
  done <"$file"
}

# Appends to the array named $2 every JVM option a local-mode run needs: Spark's Java 17 flags,
# the Spark properties of jobs/conf/local.properties, the heap and the logging configuration.
probehunt_local_java_options() {
  local root=$1
  local -n local_opts=$2
  probehunt_jvm_options "$root" local_opts
  probehunt_properties "$root/jobs/conf/local.properties" local_opts
  # The heap spark-submit gives a driver by default (spark.driver.memory 1g). Without it the
  # JVM takes a quarter of the RAM and G1 grows into it: jobs/bench at 10M lines, peak RSS
  # 1.36-1.45 GB -> 0.78-0.84 GB, same wall time. A later -Xmx in PROBEHUNT_JAVA_OPTS wins.
  # The throughput collector, not G1: a one-gigabyte heap of short-lived objects, on a laptop's few
  # cores, gains nothing from G1's concurrent marking and pays its write barriers on every line.
  # jobs/bench's busy month, alternating runs: 37.8-39.2 s against 40.3-44.2 s, peak RSS 1.08-1.13
  # GB against 1.23-1.41 GB. A collector chosen in PROBEHUNT_JAVA_OPTS replaces it.
  if [[ ${PROBEHUNT_JAVA_OPTS:-} != *-XX:+Use*GC* ]]; then
    local_opts+=(-XX:+UseParallelGC)
  fi
  local_opts+=(-Xmx1g "-Dlog4j.configurationFile=$root/jobs/conf/log4j2.properties")
  # The heap at its full size from the start: grown from the JVM's default, the old generation took
  # the scan's kept output in steps, each a full collection (busy month: two, 0.5-0.65 s of pauses
  # in all; none with it; peak RSS 0.98-1.08 GB against 0.90-0.92 GB). Not with a heap of the
  # user's: a smaller -Xmx beside -Xms1g would not start.
  if [[ ${PROBEHUNT_JAVA_OPTS:-} != *-Xm[sx]* ]]; then
    local_opts+=(-Xms1g)
  fi
}

# The classpath of a local-mode run: the jar, then Spark's own jars.
probehunt_local_classpath() {
  local root=$1
  echo "$(probehunt_jar "$root"):$(cat "$root/target/spark-classpath.txt")"
}

# Appends to the array named $2 the use of target/probehunt.jsa, a class-data archive of the
# classes a run loads (Spark's are many thousands): loading them from it instead of from the
# jars takes about 3 s off every run. The archive is made from a run over data/sample whenever
# it is missing or older than the jar; if that fails, runs go on without it.
probehunt_class_archive() {
  local root=$1 archive train
  local -n archive_opts=$2
  archive=$root/target/probehunt.jsa
  if [[ ! -s $archive || $(probehunt_jar "$root") -nt $archive ]]; then
    rm -f "$archive"
    echo "probehunt: recording the classes a run loads, for faster starts (after each build)..." >&2
    train=$(mktemp -d)
    java "${archive_opts[@]}" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -cp "$(probehunt_local_classpath "$root")" org.probehunt.cli.Main \
      run --quiet --out "$train/out" --server-name localhost "$root/data/sample" >/dev/null 2>&1 || rm -f "$archive"
    rm -rf "$train"
  fi
  if [[ -s $archive ]]; then
    archive_opts+=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}

# Lays out target/spark-home, a SPARK_HOME made of the project's own Spark dependencies: jars/
# holds a link to every jar of target/spark-classpath.txt. Standalone workers launch executors
# with SPARK_HOME/jars/* as their classpath. Relaid when the classpath file is newer.
probehunt_spark_home() {
  local root=$1 home jar
  home=$root/target/spark-home
  if [[ -d $home/jars && $home/jars -nt $root/target/spark-classpath.txt ]]; then
    return 0
  fi
  rm -rf "$home"
  mkdir -p "$home/jars"
  while IFS= read -r jar; do
    [[ -n $jar ]] && ln -s "$jar" "$home/jars/"
  done < <(tr ':' '\n' <"$root/target/spark-classpath.txt")
  touch "$home/jars"
}

# Prints the value of property $2 in the Spark properties file $1, or nothing.
probehunt_property() {
  local file=$1 wanted=$2 key value
  while read -r key value; do
    [[ $key == "$wanted" ]] && { echo "$value"; return 0; }
  done <"$file"
  return 0
}

# Runs a benchmark main class of the test tree on one JVM: compiles the tests when a source is
# newer than the class, and writes the test classpath again when pom.xml changed (a new
# dependency must be on it). Usage: probehunt_bench_java CLASS [JAVA OPTIONS...] -- [ARGS...]
probehunt_bench_java() {
  local class=$1 options=()
  shift
  while (($#)) && [[ $1 != -- ]]; do options+=("$1"); shift; done
  (($#)) && shift
  local file=target/test-classes/${class//.//}.class
  if [[ ! -f $file ]] || [[ -n $(find src -name '*.java' -newer "$file" -print -quit) ]]; then
    mvn -q -B -o test-compile
  fi
  if [[ ! -s target/test-classpath.txt || pom.xml -nt target/test-classpath.txt ]]; then
    mvn -q -B -o dependency:build-classpath \
      -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
  fi
  exec java "${options[@]}" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    "$class" "$@"
}
