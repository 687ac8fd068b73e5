#!/bin/bash
# bench/ask_all_s.sh SIDE CODE_DIR STORE_PATH: every question file (blind batches, public examples)
# scored by the code in CODE_DIR (bench/issue12s_score.py: scripts/score_questions.py, every reply
# kept) into $OUTROOT/SIDE (default /tmp/wtA19_eq; resumes: a file already scored is skipped).
# PY: the Python to run (default this tree's .venv). Compare two sides with bench/issue12s_equality.py.
SIDE=$1; CODE=$2; S=$3
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUTROOT=${OUTROOT:-/tmp/wtA19_eq}; PY=${PY:-$HERE/.venv/bin/python}
OUT=$OUTROOT/$SIDE; mkdir -p $OUT; cd $CODE
for f in tests/questions/blind/batch*.json /work/shared/questions/examples.json; do
  b=$(basename $f .json)
  [ -s $OUT/$b.score ] && continue
  nice -n 10 $PY $HERE/bench/issue12s_score.py $CODE $f oxigraph:$S $OUT/$b.jsonl > $OUT/$b.score 2> $OUT/$b.err
done
echo done > $OUT/DONE
