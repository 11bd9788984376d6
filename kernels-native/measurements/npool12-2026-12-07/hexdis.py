import sys, re, subprocess
# usage: dis.py FILE START_LINE END_LINE OUT : hex dump of PrintAssembly (no disassembler) -> objdump listing
lines = open(sys.argv[1]).read().split('\n')[int(sys.argv[2])-1:int(sys.argv[3])]
mem = {}
inmc = False
for l in lines:
    if l.startswith('[MachCode]'): inmc = True; continue
    if l.startswith('[/MachCode]'): break
    if not inmc: continue
    m = re.match(r'\s*0x([0-9a-f]+): ([0-9a-f |]+)$', l)
    if not m: continue
    addr = int(m.group(1), 16)
    hexs = m.group(2).replace('|', '').split()
    b = bytes.fromhex(''.join(hexs))
    for i, x in enumerate(b): mem[addr + i] = x
lo = min(mem); hi = max(mem)
buf = bytes(mem.get(a, 0xcc) for a in range(lo, hi + 1))
open('/tmp/np12/asm/code.bin', 'wb').write(buf)
out = subprocess.run(['objdump', '-D', '-b', 'binary', '-m', 'i386:x86-64', '-M', 'intel', '--adjust-vma=%#x' % lo,
                      '/tmp/np12/asm/code.bin'], capture_output=True, text=True).stdout
open(sys.argv[4], 'w').write(out)
