# Shared by .ci/run and .ci/fault-test (sourced): comparing a run's reports with local mode's.

# Same rows in any order; the header as is. Both runs read the same paths, so the source
# columns must match too.
same_rows() {
  cmp -s <(head -n 1 "$1") <(head -n 1 "$2") &&
    cmp -s <(tail -n +2 "$1" | LC_ALL=C sort) <(tail -n +2 "$2" | LC_ALL=C sort)
}
# Fails unless the reports of folder $2 (run on $3) equal those of local mode in folder $1:
# every CSV, the notices and summary.json.
same_reports() {
  local expected=$1 actual=$2 where=$3 name dir
  local reports=(hosts.csv requests.csv inputs.csv rejects.csv campaigns.csv domains.csv)
  for f in "$expected"/*.csv "$actual"/*.csv; do
    name=$(basename "$f")
    [[ " ${reports[*]} " == *" $name "* ]] || reports+=("$name")
  done
  for name in "${reports[@]}"; do
    for dir in "$expected" "$actual"; do
      if [[ ! -f $dir/$name ]]; then
        echo "ci: $dir has no $name" >&2
        exit 1
      fi
    done
    if ! same_rows "$expected/$name" "$actual/$name"; then
      echo "ci: $name differs between local mode ($expected) and $where ($actual)" >&2
      diff <(LC_ALL=C sort "$expected/$name") <(LC_ALL=C sort "$actual/$name") >&2 || true
      exit 1
    fi
  done
  if ! diff -r -x '*.crc' "$expected/notices" "$actual/notices" >&2 ||
    ! cmp -s "$expected/summary.json" "$actual/summary.json"; then
    echo "ci: the notices or summary.json differ between local mode ($expected) and $where ($actual)" >&2
    exit 1
  fi
  notices=$(find "$actual/notices" -name '*.eml' | wc -l)
  echo "ci: the run on $where matches local mode: ${#reports[@]} reports, summary.json and $notices notices"
}
