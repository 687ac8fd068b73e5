#!/bin/bash
# bench/ask_all.sh SIDE CODE_DIR STORE_PATH: every question file (blind batches, public examples) asked
# with `budgetkg ask --json -` and scored, by the code in CODE_DIR, into /tmp/wtC18_eq/SIDE (resumes:
# a file already scored is skipped). Compare two sides with bench/reply_equality.py.
SIDE=$1; CODE=$2; S=$3; OUT=/tmp/wtC18_eq/$SIDE; cd $CODE
PY=/work/wtC18/.venv/bin/python
for f in tests/questions/blind/batch*.json /work/shared/questions/examples.json; do
  b=$(basename $f .json)
  [ -s $OUT/$b.score ] && continue
  $PY -c "import json,sys; d=json.load(open('$f')); print('\n'.join(q['question'].replace('\n',' ') for q in (d['questions'] if isinstance(d,dict) else d)))" > $OUT/$b.q
  nice -n 10 $PY -m kg.cli ask --json - --store oxigraph:$S < $OUT/$b.q > $OUT/$b.jsonl 2> $OUT/$b.err
  nice -n 10 $PY scripts/score_questions.py $f --store oxigraph:$S > $OUT/$b.score 2>&1
done
echo done > $OUT/DONE
