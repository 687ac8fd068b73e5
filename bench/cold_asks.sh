#!/bin/bash
# One cold `budgetkg ask` process a question, /usr/bin/time -v, nice -n 10, uptime before and after.
# bench/cold_asks.sh CODE_DIR STORE_PATH TAG QUESTIONS_FILE  (outputs under /tmp/wtA18_m: TAG_qN.{time,load,out})
CODE=$1; S=$2; T=$3; Q=$4; cd $CODE
i=0
while IFS= read -r q; do
  i=$((i+1))
  uptime > /tmp/wtA18_m/${T}_q$i.load
  nice -n 10 /usr/bin/time -v /work/wtA18/.venv/bin/python -m kg.cli ask --store oxigraph:$S "$q" > /tmp/wtA18_m/${T}_q$i.out 2> /tmp/wtA18_m/${T}_q$i.time
  uptime >> /tmp/wtA18_m/${T}_q$i.load
done < $Q
echo done > /tmp/wtA18_m/${T}.done
