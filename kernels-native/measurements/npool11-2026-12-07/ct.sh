#!/bin/bash
# usage: ct.sh ROOT SHAPE THREADS: fresh JVM, first 60 calls, then VectorNhwcMaxPool C2 tasks (start, done, nmsize, inner loops)
root=$1 shape=$2 t=$3; shift 3
log=/tmp/np11/lc.log; rm -f $log
CLASS=UnrolledMaxPoolProbe $(dirname "$0")/tprobe.sh $root $shape $t 0 -Dcalls=60 -Dorder=0,1,2 -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=$log "$@" | grep CALLS | cut -c1-200
python3 - <<'PY'
import re
s=open('/tmp/np11/lc.log').read()
for m in re.finditer(r"<task compile_id='(\d+)'( compile_kind='osr')? method='dev.jdnn.onednn.VectorNhwcMaxPool (pool\w+|edge\w+) [^']*'([^>]*?)stamp='([\d.]+)'>(.*?)</task>", s, re.S):
    attrs=m.group(4); body=m.group(6)
    lvl=re.search(r"level='(\d)'",attrs)
    if lvl and lvl.group(1)!='4': continue
    d=re.search(r"<task_done success='(\d)' nmsize='(\d+)'[^>]*stamp='([\d.]+)'", body)
    lt=body.split('<loop_tree>')[-1] if '<loop_tree>' in body else ''
    print(m.group(3), 'osr' if m.group(2) else 'std', 'start', m.group(5), 'done', d.group(3) if d else '?', 'nmsize', d.group(2) if d else '?', 'inner loops', lt.count("inner_loop='1'"))
PY
