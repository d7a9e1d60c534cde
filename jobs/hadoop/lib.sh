# Shared by jobs/minicluster, jobs/s3local, jobs/submit and jobs/probehunt: the Hadoop tools'
# classpaths, resolved by Maven from jobs/hadoop/pom.xml (downloaded once, then offline).

# Prints the path of the classpath file of profile $2 of jobs/hadoop/pom.xml (minicluster,
# s3proxy, yarn, s3a), writing it first when it is missing or older than the pom.
hadoop_classpath_file() {
  local root=$1 profile=$2 file
  file=$root/target/hadoop/$profile.classpath
  if [[ ! -s $file || $root/jobs/hadoop/pom.xml -nt $file ]]; then
    mkdir -p "$root/target/hadoop"
    echo "probehunt: resolving the jars of $profile (first use; Maven downloads them once)..." >&2
    (cd "$root" && mvn -q -B -Dstyle.color=never -f jobs/hadoop/pom.xml -P "$profile" \
      dependency:build-classpath -Dmdep.outputFile="$file") 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' >&2
    if [[ ${PIPESTATUS[0]} -ne 0 || ! -s $file ]]; then
      rm -f "$file"
      echo "probehunt: could not resolve the jars of profile $profile in jobs/hadoop/pom.xml" >&2
      return 1
    fi
    # The plugin leaves an unchanged file as it was, older than the pom.
    touch "$file"
  fi
  echo "$file"
}

# Prints the classpath of profile $2.
hadoop_classpath() {
  local file
  file=$(hadoop_classpath_file "$1" "$2") || return 1
  cat "$file"
}

# Compiles jobs/hadoop/MiniCluster.java into target/hadoop/classes when that is missing or
# older than the source, and prints the folder.
hadoop_tool_classes() {
  local root=$1 classes
  classes=$root/target/hadoop/classes
  if [[ ! -f $classes/MiniCluster.class || $root/jobs/hadoop/MiniCluster.java -nt $classes/MiniCluster.class ]]; then
    mkdir -p "$classes"
    javac -nowarn -d "$classes" -cp "$(hadoop_classpath "$root" minicluster)" \
      "$root/jobs/hadoop/MiniCluster.java" >&2 || return 1
  fi
  echo "$classes"
}

# Lays out target/hadoop/yarn-jars: a link to each jar of Spark's classpath and of the yarn
# profile (Spark's YARN module), for spark.yarn.jars=local:DIR/* when the NodeManagers run on
# this machine. Relaid when either classpath file is newer.
hadoop_yarn_jars() {
  local root=$1 dir file jar
  dir=$root/target/hadoop/yarn-jars
  file=$(hadoop_classpath_file "$root" yarn) || return 1
  if [[ -d $dir && $dir -nt $file && $dir -nt $root/target/spark-classpath.txt ]]; then
    echo "$dir"
    return 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  # Both lists name the same jars for Spark's own dependencies; link each file name once.
  while IFS= read -r jar; do
    [[ -n $jar && ! -e $dir/$(basename "$jar") ]] && ln -s "$jar" "$dir/"
  done < <(tr ':' '\n' <"$root/target/spark-classpath.txt"; echo; tr ':' '\n' <"$file")
  touch "$dir"
  echo "$dir"
}
