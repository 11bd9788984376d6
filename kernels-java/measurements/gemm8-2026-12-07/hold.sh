#!/bin/bash
# usage: hold.sh TAG [JVMS] [ROUNDS]: inside one exclusive hold of /tmp/perf.lock (taken by the caller), JVMS
# (default 8) runs of alt.sh with ROUNDS (default 12) rounds each; each JVM alternates the six variants of
# GemmAlternate round by round, and the variant that opens round 0 rotates from one JVM to the next
# (main, new, l2, mainNoPack, newNoPack, newReadingA, main, ...). (Hold h1 and the trials r1, t2 ran earlier two- and
# three-variant versions of GemmAlternate, main/new then main/new/l2; h2 the five variants without newReadingA.)
cd "$(dirname "$0")"
TAG=$1; N=${2:-8}; ROUNDS=${3:-12}
for r in $(seq 1 $N); do
  F=$(echo main new l2 mainNoPack newNoPack newReadingA | cut -d" " -f$(( (r - 1) % 6 + 1 )))
  ./alt.sh $TAG $F $ROUNDS
done
