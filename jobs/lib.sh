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
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/spark-classpath.txt -Dmdep.includeScope=provided) >&2
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
