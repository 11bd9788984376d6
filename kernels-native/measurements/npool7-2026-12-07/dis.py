import re,sys,subprocess
lines=open(sys.argv[1]).read().split('\n')
start=int(sys.argv[2]); end=int(sys.argv[3])
buf=bytearray(); base=None
inmc=False
for l in lines[start-1:end-1]:
    if '[MachCode]' in l: inmc=True; continue
    if '[/MachCode]' in l: break
    m=re.match(r'\s*(0x[0-9a-f]+): ((?:[0-9a-f]{2,8} ?\|? ?)+)\s*$', l)
    if inmc and m:
        a=int(m.group(1),16)
        if base is None: base=a
        hx=re.sub(r'[ |]','',m.group(2))
        if a-base!=len(buf): buf.extend(b'\x90'*(a-base-len(buf)))
        buf.extend(bytes.fromhex(hx))
open('/tmp/npool7/code.bin','wb').write(buf)
print(subprocess.run(['objdump','-D','-b','binary','-m','i386:x86-64','--adjust-vma=%d'%base,'/tmp/npool7/code.bin'],capture_output=True,text=True).stdout)
