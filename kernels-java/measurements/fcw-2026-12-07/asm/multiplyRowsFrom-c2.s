
/tmp/fcw-c2.bin:     file format binary


Disassembly of section .data:

00007fe733efca80 <.data>:
    7fe733efca80:	66 90                	xchg   %ax,%ax
    7fe733efca82:	44 8b 56 08          	mov    0x8(%rsi),%r10d
    7fe733efca86:	44 3b 50 08          	cmp    0x8(%rax),%r10d
    7fe733efca8a:	0f 85 50 9b a8 ff    	jne    0x7fe7339865e0
    7fe733efca90:	89 84 24 00 c0 fe ff 	mov    %eax,-0x14000(%rsp)
    7fe733efca97:	55                   	push   %rbp
    7fe733efca98:	48 81 ec 70 05 00 00 	sub    $0x570,%rsp
    7fe733efca9f:	90                   	nop
    7fe733efcaa0:	41 81 7f 20 00 00 00 	cmpl   $0x0,0x20(%r15)
    7fe733efcaa7:	00 
    7fe733efcaa8:	0f 85 24 2b 00 00    	jne    0x7fe733eff5d2
    7fe733efcaae:	4c 8b d9             	mov    %rcx,%r11
    7fe733efcab1:	4c 8b d7             	mov    %rdi,%r10
    7fe733efcab4:	62 a1 74 00 57 c9    	vxorps %xmm17,%xmm17,%xmm17
    7fe733efcaba:	85 d2                	test   %edx,%edx
    7fe733efcabc:	0f 8e 89 11 00 00    	jle    0x7fe733efdc4b
    7fe733efcac2:	4b 8d 1c 08          	lea    (%r8,%r9,1),%rbx
    7fe733efcac6:	4b 8d 0c 09          	lea    (%r9,%r9,1),%rcx
    7fe733efcaca:	4c 03 c9             	add    %rcx,%r9
    7fe733efcacd:	49 8d 3c 08          	lea    (%r8,%rcx,1),%rdi
    7fe733efcad1:	4b 8d 04 01          	lea    (%r9,%r8,1),%rax
    7fe733efcad5:	49 8b ca             	mov    %r10,%rcx
    7fe733efcad8:	45 8b 52 08          	mov    0x8(%r10),%r10d
    7fe733efcadc:	41 81 fa d0 3a 01 01 	cmp    $0x1013ad0,%r10d
    7fe733efcae3:	0f 85 2b 1b 00 00    	jne    0x7fe733efe614
    7fe733efcae9:	48 8b f1             	mov    %rcx,%rsi
    7fe733efcaec:	49 c7 c5 c1 ff ff ff 	mov    $0xffffffffffffffc1,%r13
    7fe733efcaf3:	4c 03 6e 10          	add    0x10(%rsi),%r13
    7fe733efcaf7:	4d 85 ed             	test   %r13,%r13
    7fe733efcafa:	0f 8c 6c 1b 00 00    	jl     0x7fe733efe66c
    7fe733efcb00:	44 8b 56 18          	mov    0x18(%rsi),%r10d
    7fe733efcb04:	47 8b 4c d4 0c       	mov    0xc(%r12,%r10,8),%r9d
    7fe733efcb09:	47 3b 64 d4 18       	cmp    0x18(%r12,%r10,8),%r12d
    7fe733efcb0e:	0f 85 5d 1b 00 00    	jne    0x7fe733efe671
    7fe733efcb14:	45 85 c9             	test   %r9d,%r9d
    7fe733efcb17:	0f 8c 59 1b 00 00    	jl     0x7fe733efe676
    7fe733efcb1d:	49 8b eb             	mov    %r11,%rbp
    7fe733efcb20:	45 8b 5b 08          	mov    0x8(%r11),%r11d
    7fe733efcb24:	41 81 fb d0 3a 01 01 	cmp    $0x1013ad0,%r11d
    7fe733efcb2b:	0f 85 f0 1a 00 00    	jne    0x7fe733efe621
    7fe733efcb31:	4c 8b f5             	mov    %rbp,%r14
    7fe733efcb34:	49 c7 c3 fd ff ff ff 	mov    $0xfffffffffffffffd,%r11
    7fe733efcb3b:	4d 03 5e 10          	add    0x10(%r14),%r11
    7fe733efcb3f:	4d 85 db             	test   %r11,%r11
    7fe733efcb42:	0f 8c d9 1a 00 00    	jl     0x7fe733efe621
    7fe733efcb48:	45 8b 56 18          	mov    0x18(%r14),%r10d
    7fe733efcb4c:	47 8b 4c d4 0c       	mov    0xc(%r12,%r10,8),%r9d
    7fe733efcb51:	47 3b 64 d4 18       	cmp    0x18(%r12,%r10,8),%r12d
    7fe733efcb56:	0f 85 c5 1a 00 00    	jne    0x7fe733efe621
    7fe733efcb5c:	45 85 c9             	test   %r9d,%r9d
    7fe733efcb5f:	0f 8c bc 1a 00 00    	jl     0x7fe733efe621
    7fe733efcb65:	48 89 84 24 f0 04 00 	mov    %rax,0x4f0(%rsp)
    7fe733efcb6c:	00 
    7fe733efcb6d:	4c 89 44 24 10       	mov    %r8,0x10(%rsp)
    7fe733efcb72:	89 14 24             	mov    %edx,(%rsp)
    7fe733efcb75:	c4 e1 f9 6e cd       	vmovq  %rbp,%xmm1
    7fe733efcb7a:	c4 e1 f9 6e c1       	vmovq  %rcx,%xmm0
    7fe733efcb7f:	4d 8b 56 20          	mov    0x20(%r14),%r10
    7fe733efcb83:	62 c1 fd 08 6e f6    	vmovq  %r14,%xmm22
    7fe733efcb89:	4c 8b 46 20          	mov    0x20(%rsi),%r8
    7fe733efcb8d:	4c 89 44 24 18       	mov    %r8,0x18(%rsp)
    7fe733efcb92:	62 e1 fd 08 6e ee    	vmovq  %rsi,%xmm21
    7fe733efcb98:	4c 89 5c 24 58       	mov    %r11,0x58(%rsp)
    7fe733efcb9d:	4c 89 ac 24 08 05 00 	mov    %r13,0x508(%rsp)
    7fe733efcba4:	00 
    7fe733efcba5:	48 89 9c 24 e0 04 00 	mov    %rbx,0x4e0(%rsp)
    7fe733efcbac:	00 
    7fe733efcbad:	49 03 da             	add    %r10,%rbx
    7fe733efcbb0:	c4 e1 f9 6e db       	vmovq  %rbx,%xmm3
    7fe733efcbb5:	48 89 bc 24 e8 04 00 	mov    %rdi,0x4e8(%rsp)
    7fe733efcbbc:	00 
    7fe733efcbbd:	4c 89 54 24 08       	mov    %r10,0x8(%rsp)
    7fe733efcbc2:	49 03 fa             	add    %r10,%rdi
    7fe733efcbc5:	62 61 fd 08 6e c7    	vmovq  %rdi,%xmm24
    7fe733efcbcb:	4c 8b 54 24 10       	mov    0x10(%rsp),%r10
    7fe733efcbd0:	4c 03 54 24 08       	add    0x8(%rsp),%r10
    7fe733efcbd5:	62 41 fd 08 6e ca    	vmovq  %r10,%xmm25
    7fe733efcbdb:	4c 8b d0             	mov    %rax,%r10
    7fe733efcbde:	4c 03 54 24 08       	add    0x8(%rsp),%r10
    7fe733efcbe3:	62 41 fd 08 6e d2    	vmovq  %r10,%xmm26
    7fe733efcbe9:	4c 8b 94 24 80 05 00 	mov    0x580(%rsp),%r10
    7fe733efcbf0:	00 
    7fe733efcbf1:	4d 03 d0             	add    %r8,%r10
    7fe733efcbf4:	62 41 fd 08 6e e2    	vmovq  %r10,%xmm28
    7fe733efcbfa:	62 a1 fe 48 6f d9    	vmovdqu64 %zmm17,%zmm19
    7fe733efcc00:	62 a1 fe 48 6f d1    	vmovdqu64 %zmm17,%zmm18
    7fe733efcc06:	62 a1 fe 48 6f c1    	vmovdqu64 %zmm17,%zmm16
    7fe733efcc0c:	62 31 fe 48 6f f9    	vmovdqu64 %zmm17,%zmm15
    7fe733efcc12:	62 31 fe 48 6f f1    	vmovdqu64 %zmm17,%zmm14
    7fe733efcc18:	62 31 fe 48 6f e9    	vmovdqu64 %zmm17,%zmm13
    7fe733efcc1e:	62 31 fe 48 6f e1    	vmovdqu64 %zmm17,%zmm12
    7fe733efcc24:	62 31 fe 48 6f d9    	vmovdqu64 %zmm17,%zmm11
    7fe733efcc2a:	62 31 fe 48 6f d1    	vmovdqu64 %zmm17,%zmm10
    7fe733efcc30:	62 31 fe 48 6f c9    	vmovdqu64 %zmm17,%zmm9
    7fe733efcc36:	62 31 fe 48 6f c1    	vmovdqu64 %zmm17,%zmm8
    7fe733efcc3c:	62 b1 fe 48 6f f9    	vmovdqu64 %zmm17,%zmm7
    7fe733efcc42:	62 b1 fe 48 6f f1    	vmovdqu64 %zmm17,%zmm6
    7fe733efcc48:	62 b1 fe 48 6f e9    	vmovdqu64 %zmm17,%zmm5
    7fe733efcc4e:	62 b1 fe 48 6f e1    	vmovdqu64 %zmm17,%zmm4
    7fe733efcc54:	44 8b c2             	mov    %edx,%r8d
    7fe733efcc57:	49 c7 c2 c1 ff ff ff 	mov    $0xffffffffffffffc1,%r10
    7fe733efcc5e:	c4 c1 f9 6e d2       	vmovq  %r10,%xmm2
    7fe733efcc63:	45 33 db             	xor    %r11d,%r11d
    7fe733efcc66:	eb 13                	jmp    0x7fe733efcc7b
    7fe733efcc68:	3b 14 24             	cmp    (%rsp),%edx
    7fe733efcc6b:	0f 8d d3 0d 00 00    	jge    0x7fe733efda44
    7fe733efcc71:	44 8b 04 24          	mov    (%rsp),%r8d
    7fe733efcc75:	44 2b c2             	sub    %edx,%r8d
    7fe733efcc78:	44 8b da             	mov    %edx,%r11d
    7fe733efcc7b:	44 8b 14 24          	mov    (%rsp),%r10d
    7fe733efcc7f:	33 c9                	xor    %ecx,%ecx
    7fe733efcc81:	45 3b d3             	cmp    %r11d,%r10d
    7fe733efcc84:	44 0f 4c c1          	cmovl  %ecx,%r8d
    7fe733efcc88:	41 81 f8 ff ff 7f 00 	cmp    $0x7fffff,%r8d
    7fe733efcc8f:	41 ba ff ff 7f 00    	mov    $0x7fffff,%r10d
    7fe733efcc95:	45 0f 47 c2          	cmova  %r10d,%r8d
    7fe733efcc99:	44 89 44 24 04       	mov    %r8d,0x4(%rsp)
    7fe733efcc9e:	4d 63 d3             	movslq %r11d,%r10
    7fe733efcca1:	4d 63 c8             	movslq %r8d,%r9
    7fe733efcca4:	4d 8b c2             	mov    %r10,%r8
    7fe733efcca7:	49 c1 e0 08          	shl    $0x8,%r8
    7fe733efccab:	4c 89 44 24 20       	mov    %r8,0x20(%rsp)
    7fe733efccb0:	49 c1 e2 02          	shl    $0x2,%r10
    7fe733efccb4:	4c 89 94 24 f8 04 00 	mov    %r10,0x4f8(%rsp)
    7fe733efccbb:	00 
    7fe733efccbc:	4d 8b d1             	mov    %r9,%r10
    7fe733efccbf:	49 c1 e2 08          	shl    $0x8,%r10
    7fe733efccc3:	4c 03 84 24 80 05 00 	add    0x580(%rsp),%r8
    7fe733efccca:	00 
    7fe733efcccb:	4f 8d 94 02 01 ff ff 	lea    -0xff(%r10,%r8,1),%r10
    7fe733efccd2:	ff 
    7fe733efccd3:	4d 3b d0             	cmp    %r8,%r10
    7fe733efccd6:	48 b9 ff ff ff ff ff 	movabs $0x7fffffffffffffff,%rcx
    7fe733efccdd:	ff ff 7f 
    7fe733efcce0:	4c 0f 4c d1          	cmovl  %rcx,%r10
    7fe733efcce4:	4c 3b 94 24 08 05 00 	cmp    0x508(%rsp),%r10
    7fe733efcceb:	00 
    7fe733efccec:	48 8b 8c 24 08 05 00 	mov    0x508(%rsp),%rcx
    7fe733efccf3:	00 
    7fe733efccf4:	49 0f 4c ca          	cmovl  %r10,%rcx
    7fe733efccf8:	4c 3b c1             	cmp    %rcx,%r8
    7fe733efccfb:	4d 8b d0             	mov    %r8,%r10
    7fe733efccfe:	4c 0f 4c d1          	cmovl  %rcx,%r10
    7fe733efcd02:	49 8b d8             	mov    %r8,%rbx
    7fe733efcd05:	33 c9                	xor    %ecx,%ecx
    7fe733efcd07:	4d 85 c0             	test   %r8,%r8
    7fe733efcd0a:	48 0f 4c d9          	cmovl  %rcx,%rbx
    7fe733efcd0e:	4d 85 d2             	test   %r10,%r10
    7fe733efcd11:	4c 0f 4c d1          	cmovl  %rcx,%r10
    7fe733efcd15:	4c 2b d3             	sub    %rbx,%r10
    7fe733efcd18:	49 8b c8             	mov    %r8,%rcx
    7fe733efcd1b:	48 2b cb             	sub    %rbx,%rcx
    7fe733efcd1e:	45 8b d2             	mov    %r10d,%r10d
    7fe733efcd21:	44 8b f1             	mov    %ecx,%r14d
    7fe733efcd24:	45 3b f2             	cmp    %r10d,%r14d
    7fe733efcd27:	0f 83 84 0f 00 00    	jae    0x7fe733efdcb1
    7fe733efcd2d:	4c 8b 84 24 80 05 00 	mov    0x580(%rsp),%r8
    7fe733efcd34:	00 
    7fe733efcd35:	4c 03 44 24 20       	add    0x20(%rsp),%r8
    7fe733efcd3a:	4c 89 84 24 a0 04 00 	mov    %r8,0x4a0(%rsp)
    7fe733efcd41:	00 
    7fe733efcd42:	49 8d 48 40          	lea    0x40(%r8),%rcx
    7fe733efcd46:	4c 03 44 24 18       	add    0x18(%rsp),%r8
    7fe733efcd4b:	62 c1 7c 48 10 20    	vmovups (%r8),%zmm20
    7fe733efcd51:	48 3b 8c 24 08 05 00 	cmp    0x508(%rsp),%rcx
    7fe733efcd58:	00 
    7fe733efcd59:	0f 83 41 10 00 00    	jae    0x7fe733efdda0
    7fe733efcd5f:	62 c1 7c 48 10 78 01 	vmovups 0x40(%r8),%zmm23
    7fe733efcd66:	48 8b 8c 24 a0 04 00 	mov    0x4a0(%rsp),%rcx
    7fe733efcd6d:	00 
    7fe733efcd6e:	48 81 c1 80 00 00 00 	add    $0x80,%rcx
    7fe733efcd75:	48 3b 8c 24 08 05 00 	cmp    0x508(%rsp),%rcx
    7fe733efcd7c:	00 
    7fe733efcd7d:	0f 83 ed 10 00 00    	jae    0x7fe733efde70
    7fe733efcd83:	62 41 7c 48 10 58 02 	vmovups 0x80(%r8),%zmm27
    7fe733efcd8a:	48 8b 8c 24 a0 04 00 	mov    0x4a0(%rsp),%rcx
    7fe733efcd91:	00 
    7fe733efcd92:	48 81 c1 c0 00 00 00 	add    $0xc0,%rcx
    7fe733efcd99:	48 3b 8c 24 08 05 00 	cmp    0x508(%rsp),%rcx
    7fe733efcda0:	00 
    7fe733efcda1:	0f 83 a4 11 00 00    	jae    0x7fe733efdf4b
    7fe733efcda7:	62 41 7c 48 10 70 03 	vmovups 0xc0(%r8),%zmm30
    7fe733efcdae:	49 c1 e1 02          	shl    $0x2,%r9
    7fe733efcdb2:	48 8b ac 24 f8 04 00 	mov    0x4f8(%rsp),%rbp
    7fe733efcdb9:	00 
    7fe733efcdba:	48 03 6c 24 10       	add    0x10(%rsp),%rbp
    7fe733efcdbf:	4c 8b c5             	mov    %rbp,%r8
    7fe733efcdc2:	33 c9                	xor    %ecx,%ecx
    7fe733efcdc4:	48 85 ed             	test   %rbp,%rbp
    7fe733efcdc7:	4c 0f 4c c1          	cmovl  %rcx,%r8
    7fe733efcdcb:	4a 8d 5c 0d fd       	lea    -0x3(%rbp,%r9,1),%rbx
    7fe733efcdd0:	48 3b dd             	cmp    %rbp,%rbx
    7fe733efcdd3:	48 b9 ff ff ff ff ff 	movabs $0x7fffffffffffffff,%rcx
    7fe733efcdda:	ff ff 7f 
    7fe733efcddd:	48 0f 4c d9          	cmovl  %rcx,%rbx
    7fe733efcde1:	48 3b 5c 24 58       	cmp    0x58(%rsp),%rbx
    7fe733efcde6:	48 8b 4c 24 58       	mov    0x58(%rsp),%rcx
    7fe733efcdeb:	48 0f 4c cb          	cmovl  %rbx,%rcx
    7fe733efcdef:	48 3b e9             	cmp    %rcx,%rbp
    7fe733efcdf2:	48 8b dd             	mov    %rbp,%rbx
    7fe733efcdf5:	48 0f 4c d9          	cmovl  %rcx,%rbx
    7fe733efcdf9:	33 c9                	xor    %ecx,%ecx
    7fe733efcdfb:	48 85 db             	test   %rbx,%rbx
    7fe733efcdfe:	48 0f 4c d9          	cmovl  %rcx,%rbx
    7fe733efce02:	49 2b d8             	sub    %r8,%rbx
    7fe733efce05:	48 8b cd             	mov    %rbp,%rcx
    7fe733efce08:	49 2b c8             	sub    %r8,%rcx
    7fe733efce0b:	44 8b c3             	mov    %ebx,%r8d
    7fe733efce0e:	8b d9                	mov    %ecx,%ebx
    7fe733efce10:	41 3b d8             	cmp    %r8d,%ebx
    7fe733efce13:	0f 83 10 12 00 00    	jae    0x7fe733efe029
    7fe733efce19:	48 8b 4c 24 10       	mov    0x10(%rsp),%rcx
    7fe733efce1e:	48 03 8c 24 f8 04 00 	add    0x4f8(%rsp),%rcx
    7fe733efce25:	00 
    7fe733efce26:	48 03 4c 24 08       	add    0x8(%rsp),%rcx
    7fe733efce2b:	62 62 7d 48 18 29    	vbroadcastss (%rcx),%zmm29
    7fe733efce31:	62 12 15 40 b8 ee    	vfmadd231ps %zmm30,%zmm29,%zmm13
    7fe733efce37:	62 a2 15 40 b8 d4    	vfmadd231ps %zmm20,%zmm29,%zmm18
    7fe733efce3d:	62 a2 15 40 b8 c7    	vfmadd231ps %zmm23,%zmm29,%zmm16
    7fe733efce43:	62 12 15 40 b8 f3    	vfmadd231ps %zmm27,%zmm29,%zmm14
    7fe733efce49:	48 8b ac 24 f8 04 00 	mov    0x4f8(%rsp),%rbp
    7fe733efce50:	00 
    7fe733efce51:	48 03 ac 24 e0 04 00 	add    0x4e0(%rsp),%rbp
    7fe733efce58:	00 
    7fe733efce59:	48 8b cd             	mov    %rbp,%rcx
    7fe733efce5c:	33 ff                	xor    %edi,%edi
    7fe733efce5e:	48 85 ed             	test   %rbp,%rbp
    7fe733efce61:	48 0f 4c cf          	cmovl  %rdi,%rcx
    7fe733efce65:	4a 8d 54 0d fd       	lea    -0x3(%rbp,%r9,1),%rdx
    7fe733efce6a:	48 3b d5             	cmp    %rbp,%rdx
    7fe733efce6d:	48 bf ff ff ff ff ff 	movabs $0x7fffffffffffffff,%rdi
    7fe733efce74:	ff ff 7f 
    7fe733efce77:	48 0f 4c d7          	cmovl  %rdi,%rdx
    7fe733efce7b:	48 3b 54 24 58       	cmp    0x58(%rsp),%rdx
    7fe733efce80:	48 8b 7c 24 58       	mov    0x58(%rsp),%rdi
    7fe733efce85:	48 0f 4c fa          	cmovl  %rdx,%rdi
    7fe733efce89:	48 3b ef             	cmp    %rdi,%rbp
    7fe733efce8c:	48 8b d5             	mov    %rbp,%rdx
    7fe733efce8f:	48 0f 4c d7          	cmovl  %rdi,%rdx
    7fe733efce93:	33 ff                	xor    %edi,%edi
    7fe733efce95:	48 85 d2             	test   %rdx,%rdx
    7fe733efce98:	48 0f 4c d7          	cmovl  %rdi,%rdx
    7fe733efce9c:	48 2b d1             	sub    %rcx,%rdx
    7fe733efce9f:	48 8b fd             	mov    %rbp,%rdi
    7fe733efcea2:	48 2b f9             	sub    %rcx,%rdi
    7fe733efcea5:	8b ca                	mov    %edx,%ecx
    7fe733efcea7:	8b f7                	mov    %edi,%esi
    7fe733efcea9:	3b f1                	cmp    %ecx,%esi
    7fe733efceab:	0f 83 bb 12 00 00    	jae    0x7fe733efe16c
    7fe733efceb1:	48 8b bc 24 e0 04 00 	mov    0x4e0(%rsp),%rdi
    7fe733efceb8:	00 
    7fe733efceb9:	48 03 bc 24 f8 04 00 	add    0x4f8(%rsp),%rdi
    7fe733efcec0:	00 
    7fe733efcec1:	48 03 7c 24 08       	add    0x8(%rsp),%rdi
    7fe733efcec6:	62 62 7d 48 18 2f    	vbroadcastss (%rdi),%zmm29
    7fe733efcecc:	62 92 15 40 b8 fe    	vfmadd231ps %zmm30,%zmm29,%zmm7
    7fe733efced2:	62 32 15 40 b8 e4    	vfmadd231ps %zmm20,%zmm29,%zmm12
    7fe733efced8:	62 32 15 40 b8 d7    	vfmadd231ps %zmm23,%zmm29,%zmm10
    7fe733efcede:	62 12 15 40 b8 cb    	vfmadd231ps %zmm27,%zmm29,%zmm9
    7fe733efcee4:	48 8b ac 24 f8 04 00 	mov    0x4f8(%rsp),%rbp
    7fe733efceeb:	00 
    7fe733efceec:	48 03 ac 24 e8 04 00 	add    0x4e8(%rsp),%rbp
    7fe733efcef3:	00 
    7fe733efcef4:	48 8b fd             	mov    %rbp,%rdi
    7fe733efcef7:	33 d2                	xor    %edx,%edx
    7fe733efcef9:	48 85 ed             	test   %rbp,%rbp
    7fe733efcefc:	48 0f 4c fa          	cmovl  %rdx,%rdi
    7fe733efcf00:	4a 8d 44 0d fd       	lea    -0x3(%rbp,%r9,1),%rax
    7fe733efcf05:	48 3b c5             	cmp    %rbp,%rax
    7fe733efcf08:	48 ba ff ff ff ff ff 	movabs $0x7fffffffffffffff,%rdx
    7fe733efcf0f:	ff ff 7f 
    7fe733efcf12:	48 0f 4c c2          	cmovl  %rdx,%rax
    7fe733efcf16:	48 3b 44 24 58       	cmp    0x58(%rsp),%rax
    7fe733efcf1b:	48 8b 54 24 58       	mov    0x58(%rsp),%rdx
    7fe733efcf20:	48 0f 4c d0          	cmovl  %rax,%rdx
    7fe733efcf24:	48 3b ea             	cmp    %rdx,%rbp
    7fe733efcf27:	48 8b c5             	mov    %rbp,%rax
    7fe733efcf2a:	48 0f 4c c2          	cmovl  %rdx,%rax
    7fe733efcf2e:	33 d2                	xor    %edx,%edx
    7fe733efcf30:	48 85 c0             	test   %rax,%rax
    7fe733efcf33:	48 0f 4c c2          	cmovl  %rdx,%rax
    7fe733efcf37:	48 2b c7             	sub    %rdi,%rax
    7fe733efcf3a:	48 8b d5             	mov    %rbp,%rdx
    7fe733efcf3d:	48 2b d7             	sub    %rdi,%rdx
    7fe733efcf40:	8b f8                	mov    %eax,%edi
    7fe733efcf42:	44 8b ea             	mov    %edx,%r13d
    7fe733efcf45:	44 3b ef             	cmp    %edi,%r13d
    7fe733efcf48:	0f 83 62 13 00 00    	jae    0x7fe733efe2b0
    7fe733efcf4e:	48 8b 94 24 e8 04 00 	mov    0x4e8(%rsp),%rdx
    7fe733efcf55:	00 
    7fe733efcf56:	48 03 94 24 f8 04 00 	add    0x4f8(%rsp),%rdx
    7fe733efcf5d:	00 
    7fe733efcf5e:	48 03 54 24 08       	add    0x8(%rsp),%rdx
    7fe733efcf63:	62 62 7d 48 18 2a    	vbroadcastss (%rdx),%zmm29
    7fe733efcf69:	62 82 15 40 b8 ce    	vfmadd231ps %zmm30,%zmm29,%zmm17
    7fe733efcf6f:	62 b2 15 40 b8 f4    	vfmadd231ps %zmm20,%zmm29,%zmm6
    7fe733efcf75:	62 b2 15 40 b8 ef    	vfmadd231ps %zmm23,%zmm29,%zmm5
    7fe733efcf7b:	62 92 15 40 b8 e3    	vfmadd231ps %zmm27,%zmm29,%zmm4
    7fe733efcf81:	48 8b ac 24 f8 04 00 	mov    0x4f8(%rsp),%rbp
    7fe733efcf88:	00 
    7fe733efcf89:	48 03 ac 24 f0 04 00 	add    0x4f0(%rsp),%rbp
    7fe733efcf90:	00 
    7fe733efcf91:	4e 8d 4c 0d fd       	lea    -0x3(%rbp,%r9,1),%r9
    7fe733efcf96:	4c 3b cd             	cmp    %rbp,%r9
    7fe733efcf99:	48 ba ff ff ff ff ff 	movabs $0x7fffffffffffffff,%rdx
    7fe733efcfa0:	ff ff 7f 
    7fe733efcfa3:	4c 0f 4c ca          	cmovl  %rdx,%r9
    7fe733efcfa7:	4c 3b 4c 24 58       	cmp    0x58(%rsp),%r9
    7fe733efcfac:	48 8b 54 24 58       	mov    0x58(%rsp),%rdx
    7fe733efcfb1:	49 0f 4c d1          	cmovl  %r9,%rdx
    7fe733efcfb5:	48 3b ea             	cmp    %rdx,%rbp
    7fe733efcfb8:	4c 8b cd             	mov    %rbp,%r9
    7fe733efcfbb:	4c 0f 4c ca          	cmovl  %rdx,%r9
    7fe733efcfbf:	48 8b c5             	mov    %rbp,%rax
    7fe733efcfc2:	33 d2                	xor    %edx,%edx
    7fe733efcfc4:	48 85 ed             	test   %rbp,%rbp
    7fe733efcfc7:	48 0f 4c c2          	cmovl  %rdx,%rax
    7fe733efcfcb:	4d 85 c9             	test   %r9,%r9
    7fe733efcfce:	4c 0f 4c ca          	cmovl  %rdx,%r9
    7fe733efcfd2:	4c 2b c8             	sub    %rax,%r9
    7fe733efcfd5:	48 8b d5             	mov    %rbp,%rdx
    7fe733efcfd8:	48 2b d0             	sub    %rax,%rdx
    7fe733efcfdb:	45 8b c9             	mov    %r9d,%r9d
    7fe733efcfde:	8b c2                	mov    %edx,%eax
    7fe733efcfe0:	41 3b c1             	cmp    %r9d,%eax
    7fe733efcfe3:	0f 83 0b 14 00 00    	jae    0x7fe733efe3f4
    7fe733efcfe9:	44 89 54 24 28       	mov    %r10d,0x28(%rsp)
    7fe733efcfee:	49 8b 6f 30          	mov    0x30(%r15),%rbp
    7fe733efcff2:	41 8d 53 01          	lea    0x1(%r11),%edx
    7fe733efcff6:	4c 8b 94 24 f0 04 00 	mov    0x4f0(%rsp),%r10
    7fe733efcffd:	00 
    7fe733efcffe:	4c 03 94 24 f8 04 00 	add    0x4f8(%rsp),%r10
    7fe733efd005:	00 
    7fe733efd006:	4c 03 54 24 08       	add    0x8(%rsp),%r10
    7fe733efd00b:	62 42 7d 48 18 2a    	vbroadcastss (%r10),%zmm29
    7fe733efd011:	62 12 15 40 b8 c6    	vfmadd231ps %zmm30,%zmm29,%zmm8
    7fe733efd017:	62 a2 15 40 b8 dc    	vfmadd231ps %zmm20,%zmm29,%zmm19
    7fe733efd01d:	62 32 15 40 b8 ff    	vfmadd231ps %zmm23,%zmm29,%zmm15
    7fe733efd023:	62 12 15 40 b8 db    	vfmadd231ps %zmm27,%zmm29,%zmm11
    7fe733efd029:	85 45 00             	test   %eax,0x0(%rbp)
    7fe733efd02c:	44 8b 54 24 04       	mov    0x4(%rsp),%r10d
    7fe733efd031:	41 83 fa 01          	cmp    $0x1,%r10d
    7fe733efd035:	0f 8e 2d fc ff ff    	jle    0x7fe733efcc68
    7fe733efd03b:	4c 63 54 24 28       	movslq 0x28(%rsp),%r10
    7fe733efd040:	4d 63 f6             	movslq %r14d,%r14
    7fe733efd043:	49 8d ae 00 01 00 00 	lea    0x100(%r14),%rbp
    7fe733efd04a:	49 3b ea             	cmp    %r10,%rbp
    7fe733efd04d:	0f 83 d9 14 00 00    	jae    0x7fe733efe52c
    7fe733efd053:	8b 6c 24 04          	mov    0x4(%rsp),%ebp
    7fe733efd057:	c1 e5 08             	shl    $0x8,%ebp
    7fe733efd05a:	48 63 ed             	movslq %ebp,%rbp
    7fe733efd05d:	4a 8d ac 35 00 ff ff 	lea    -0x100(%rbp,%r14,1),%rbp
    7fe733efd064:	ff 
    7fe733efd065:	49 3b ea             	cmp    %r10,%rbp
    7fe733efd068:	0f 83 be 14 00 00    	jae    0x7fe733efe52c
    7fe733efd06e:	4d 63 c0             	movslq %r8d,%r8
    7fe733efd071:	48 63 db             	movslq %ebx,%rbx
    7fe733efd074:	4c 8d 53 04          	lea    0x4(%rbx),%r10
    7fe733efd078:	4d 3b d0             	cmp    %r8,%r10
    7fe733efd07b:	0f 83 ab 14 00 00    	jae    0x7fe733efe52c
    7fe733efd081:	44 8b 54 24 04       	mov    0x4(%rsp),%r10d
    7fe733efd086:	41 c1 e2 02          	shl    $0x2,%r10d
    7fe733efd08a:	4d 63 d2             	movslq %r10d,%r10
    7fe733efd08d:	4a 8d 5c 13 fc       	lea    -0x4(%rbx,%r10,1),%rbx
    7fe733efd092:	49 3b d8             	cmp    %r8,%rbx
    7fe733efd095:	0f 83 91 14 00 00    	jae    0x7fe733efe52c
    7fe733efd09b:	48 63 c9             	movslq %ecx,%rcx
    7fe733efd09e:	4c 63 c6             	movslq %esi,%r8
    7fe733efd0a1:	49 8d 58 04          	lea    0x4(%r8),%rbx
    7fe733efd0a5:	48 3b d9             	cmp    %rcx,%rbx
    7fe733efd0a8:	0f 83 7e 14 00 00    	jae    0x7fe733efe52c
    7fe733efd0ae:	4f 8d 44 10 fc       	lea    -0x4(%r8,%r10,1),%r8
    7fe733efd0b3:	4c 3b c1             	cmp    %rcx,%r8
    7fe733efd0b6:	0f 83 70 14 00 00    	jae    0x7fe733efe52c
    7fe733efd0bc:	48 63 cf             	movslq %edi,%rcx
    7fe733efd0bf:	4d 63 c5             	movslq %r13d,%r8
    7fe733efd0c2:	49 8d 58 04          	lea    0x4(%r8),%rbx
    7fe733efd0c6:	48 3b d9             	cmp    %rcx,%rbx
    7fe733efd0c9:	0f 83 5d 14 00 00    	jae    0x7fe733efe52c
    7fe733efd0cf:	4f 8d 44 10 fc       	lea    -0x4(%r8,%r10,1),%r8
    7fe733efd0d4:	4c 3b c1             	cmp    %rcx,%r8
    7fe733efd0d7:	0f 83 4f 14 00 00    	jae    0x7fe733efe52c
    7fe733efd0dd:	4d 63 c9             	movslq %r9d,%r9
    7fe733efd0e0:	4c 63 c0             	movslq %eax,%r8
    7fe733efd0e3:	49 8d 48 04          	lea    0x4(%r8),%rcx
    7fe733efd0e7:	49 3b c9             	cmp    %r9,%rcx
    7fe733efd0ea:	0f 83 3c 14 00 00    	jae    0x7fe733efe52c
    7fe733efd0f0:	4f 8d 54 10 fc       	lea    -0x4(%r8,%r10,1),%r10
    7fe733efd0f5:	4d 3b d1             	cmp    %r9,%r10
    7fe733efd0f8:	0f 83 2e 14 00 00    	jae    0x7fe733efe52c
    7fe733efd0fe:	62 41 fd 08 7e e2    	vmovq  %xmm28,%r10
    7fe733efd104:	4c 03 54 24 20       	add    0x20(%rsp),%r10
    7fe733efd109:	4c 89 54 24 30       	mov    %r10,0x30(%rsp)
    7fe733efd10e:	62 41 fd 08 7e ca    	vmovq  %xmm25,%r10
    7fe733efd114:	4c 03 94 24 f8 04 00 	add    0x4f8(%rsp),%r10
    7fe733efd11b:	00 
    7fe733efd11c:	4c 89 54 24 38       	mov    %r10,0x38(%rsp)
    7fe733efd121:	62 41 fd 08 7e c2    	vmovq  %xmm24,%r10
    7fe733efd127:	4c 03 94 24 f8 04 00 	add    0x4f8(%rsp),%r10
    7fe733efd12e:	00 
    7fe733efd12f:	4c 89 54 24 40       	mov    %r10,0x40(%rsp)
    7fe733efd134:	c4 c1 f9 7e da       	vmovq  %xmm3,%r10
    7fe733efd139:	4c 03 94 24 f8 04 00 	add    0x4f8(%rsp),%r10
    7fe733efd140:	00 
    7fe733efd141:	4c 89 54 24 48       	mov    %r10,0x48(%rsp)
    7fe733efd146:	62 41 fd 08 7e d2    	vmovq  %xmm26,%r10
    7fe733efd14c:	4c 03 94 24 f8 04 00 	add    0x4f8(%rsp),%r10
    7fe733efd153:	00 
    7fe733efd154:	4c 89 54 24 50       	mov    %r10,0x50(%rsp)
    7fe733efd159:	41 ba 01 00 00 00    	mov    $0x1,%r10d
    7fe733efd15f:	44 89 5c 24 28       	mov    %r11d,0x28(%rsp)
    7fe733efd164:	44 89 54 24 24       	mov    %r10d,0x24(%rsp)
    7fe733efd169:	e9 25 01 00 00       	jmp    0x7fe733efd293
    7fe733efd16e:	66 90                	xchg   %ax,%ax
    7fe733efd170:	45 8b da             	mov    %r10d,%r11d
    7fe733efd173:	4d 63 d3             	movslq %r11d,%r10
    7fe733efd176:	62 a2 7d 48 18 64 95 	vbroadcastss 0x0(%rbp,%r10,4),%zmm20
    7fe733efd17d:	00 
    7fe733efd17e:	62 a2 7d 48 18 3c 91 	vbroadcastss (%rcx,%r10,4),%zmm23
    7fe733efd185:	62 02 7d 48 18 5c 95 	vbroadcastss 0x0(%r13,%r10,4),%zmm27
    7fe733efd18c:	00 
    7fe733efd18d:	62 02 7d 48 18 2c 96 	vbroadcastss (%r14,%r10,4),%zmm29
    7fe733efd194:	49 c1 e2 08          	shl    $0x8,%r10
    7fe733efd198:	4d 8b c1             	mov    %r9,%r8
    7fe733efd19b:	4d 03 c2             	add    %r10,%r8
    7fe733efd19e:	62 41 7c 48 10 30    	vmovups (%r8),%zmm30
    7fe733efd1a4:	62 92 5d 40 b8 f6    	vfmadd231ps %zmm30,%zmm20,%zmm6
    7fe733efd1aa:	62 82 25 40 b8 de    	vfmadd231ps %zmm30,%zmm27,%zmm19
    7fe733efd1b0:	62 82 45 40 b8 d6    	vfmadd231ps %zmm30,%zmm23,%zmm18
    7fe733efd1b6:	62 12 15 40 b8 e6    	vfmadd231ps %zmm30,%zmm29,%zmm12
    7fe733efd1bc:	62 41 7c 48 10 70 01 	vmovups 0x40(%r8),%zmm30
    7fe733efd1c3:	62 92 5d 40 b8 ee    	vfmadd231ps %zmm30,%zmm20,%zmm5
    7fe733efd1c9:	62 82 45 40 b8 c6    	vfmadd231ps %zmm30,%zmm23,%zmm16
    7fe733efd1cf:	62 12 25 40 b8 fe    	vfmadd231ps %zmm30,%zmm27,%zmm15
    7fe733efd1d5:	62 12 15 40 b8 d6    	vfmadd231ps %zmm30,%zmm29,%zmm10
    7fe733efd1db:	62 41 7c 48 10 70 02 	vmovups 0x80(%r8),%zmm30
    7fe733efd1e2:	62 41 7c 48 10 78 03 	vmovups 0xc0(%r8),%zmm31
    7fe733efd1e9:	62 12 45 40 b8 f6    	vfmadd231ps %zmm30,%zmm23,%zmm14
    7fe733efd1ef:	62 12 45 40 b8 ef    	vfmadd231ps %zmm31,%zmm23,%zmm13
    7fe733efd1f5:	62 12 25 40 b8 c7    	vfmadd231ps %zmm31,%zmm27,%zmm8
    7fe733efd1fb:	62 12 25 40 b8 de    	vfmadd231ps %zmm30,%zmm27,%zmm11
    7fe733efd201:	62 92 15 40 b8 ff    	vfmadd231ps %zmm31,%zmm29,%zmm7
    7fe733efd207:	62 82 5d 40 b8 cf    	vfmadd231ps %zmm31,%zmm20,%zmm17
    7fe733efd20d:	62 12 15 40 b8 ce    	vfmadd231ps %zmm30,%zmm29,%zmm9
    7fe733efd213:	62 92 5d 40 b8 e6    	vfmadd231ps %zmm30,%zmm20,%zmm4
    7fe733efd219:	45 8d 53 01          	lea    0x1(%r11),%r10d
    7fe733efd21d:	44 3b d7             	cmp    %edi,%r10d
    7fe733efd220:	0f 8c 4a ff ff ff    	jl     0x7fe733efd170
    7fe733efd226:	4d 8b 47 30          	mov    0x30(%r15),%r8
    7fe733efd22a:	41 8b d3             	mov    %r11d,%edx
    7fe733efd22d:	8b 7c 24 24          	mov    0x24(%rsp),%edi
    7fe733efd231:	03 fa                	add    %edx,%edi
    7fe733efd233:	8b 54 24 28          	mov    0x28(%rsp),%edx
    7fe733efd237:	8d 54 17 01          	lea    0x1(%rdi,%rdx,1),%edx
    7fe733efd23b:	41 85 00             	test   %eax,(%r8)
    7fe733efd23e:	44 3b 54 24 20       	cmp    0x20(%rsp),%r10d
    7fe733efd243:	7d 2f                	jge    0x7fe733efd274
    7fe733efd245:	45 8b da             	mov    %r10d,%r11d
    7fe733efd248:	8b 7c 24 20          	mov    0x20(%rsp),%edi
    7fe733efd24c:	41 2b fb             	sub    %r11d,%edi
    7fe733efd24f:	44 8b 54 24 20       	mov    0x20(%rsp),%r10d
    7fe733efd254:	33 d2                	xor    %edx,%edx
    7fe733efd256:	45 3b d3             	cmp    %r11d,%r10d
    7fe733efd259:	0f 4c fa             	cmovl  %edx,%edi
    7fe733efd25c:	81 ff e8 03 00 00    	cmp    $0x3e8,%edi
    7fe733efd262:	41 b8 e8 03 00 00    	mov    $0x3e8,%r8d
    7fe733efd268:	41 0f 47 f8          	cmova  %r8d,%edi
    7fe733efd26c:	41 03 fb             	add    %r11d,%edi
    7fe733efd26f:	e9 ff fe ff ff       	jmp    0x7fe733efd173
    7fe733efd274:	44 8b 54 24 24       	mov    0x24(%rsp),%r10d
    7fe733efd279:	47 8d 54 13 01       	lea    0x1(%r11,%r10,1),%r10d
    7fe733efd27e:	44 89 54 24 24       	mov    %r10d,0x24(%rsp)
    7fe733efd283:	44 8b 54 24 24       	mov    0x24(%rsp),%r10d
    7fe733efd288:	44 3b 54 24 04       	cmp    0x4(%rsp),%r10d
    7fe733efd28d:	0f 8d d5 f9 ff ff    	jge    0x7fe733efcc68
    7fe733efd293:	44 8b 54 24 04       	mov    0x4(%rsp),%r10d
    7fe733efd298:	44 2b 54 24 24       	sub    0x24(%rsp),%r10d
    7fe733efd29d:	44 8b 5c 24 04       	mov    0x4(%rsp),%r11d
    7fe733efd2a2:	45 33 c9             	xor    %r9d,%r9d
    7fe733efd2a5:	44 3b 5c 24 24       	cmp    0x24(%rsp),%r11d
    7fe733efd2aa:	45 0f 4c d1          	cmovl  %r9d,%r10d
    7fe733efd2ae:	41 81 fa fe ff 7f 00 	cmp    $0x7ffffe,%r10d
    7fe733efd2b5:	41 bb fe ff 7f 00    	mov    $0x7ffffe,%r11d
    7fe733efd2bb:	45 0f 47 d3          	cmova  %r11d,%r10d
    7fe733efd2bf:	44 89 54 24 20       	mov    %r10d,0x20(%rsp)
    7fe733efd2c4:	4c 63 54 24 24       	movslq 0x24(%rsp),%r10
    7fe733efd2c9:	48 63 74 24 20       	movslq 0x20(%rsp),%rsi
    7fe733efd2ce:	48 c1 e6 08          	shl    $0x8,%rsi
    7fe733efd2d2:	4e 8d 04 95 00 00 00 	lea    0x0(,%r10,4),%r8
    7fe733efd2d9:	00 
    7fe733efd2da:	49 c1 e2 08          	shl    $0x8,%r10
    7fe733efd2de:	48 8b 5c 24 30       	mov    0x30(%rsp),%rbx
    7fe733efd2e3:	4c 8b cb             	mov    %rbx,%r9
    7fe733efd2e6:	4d 03 ca             	add    %r10,%r9
    7fe733efd2e9:	48 8b 94 24 a0 04 00 	mov    0x4a0(%rsp),%rdx
    7fe733efd2f0:	00 
    7fe733efd2f1:	49 03 d2             	add    %r10,%rdx
    7fe733efd2f4:	62 c1 7c 48 10 39    	vmovups (%r9),%zmm23
    7fe733efd2fa:	48 03 f2             	add    %rdx,%rsi
    7fe733efd2fd:	48 8d 4a 40          	lea    0x40(%rdx),%rcx
    7fe733efd301:	4c 8b d1             	mov    %rcx,%r10
    7fe733efd304:	45 33 db             	xor    %r11d,%r11d
    7fe733efd307:	48 85 c9             	test   %rcx,%rcx
    7fe733efd30a:	4d 0f 4c d3          	cmovl  %r11,%r10
    7fe733efd30e:	48 8d be 41 ff ff ff 	lea    -0xbf(%rsi),%rdi
    7fe733efd315:	48 3b f9             	cmp    %rcx,%rdi
    7fe733efd318:	49 bb ff ff ff ff ff 	movabs $0x7fffffffffffffff,%r11
    7fe733efd31f:	ff ff 7f 
    7fe733efd322:	49 0f 4c fb          	cmovl  %r11,%rdi
    7fe733efd326:	48 3b bc 24 08 05 00 	cmp    0x508(%rsp),%rdi
    7fe733efd32d:	00 
    7fe733efd32e:	4c 8b 9c 24 08 05 00 	mov    0x508(%rsp),%r11
    7fe733efd335:	00 
    7fe733efd336:	4c 0f 4c df          	cmovl  %rdi,%r11
    7fe733efd33a:	49 3b cb             	cmp    %r11,%rcx
    7fe733efd33d:	48 8b f9             	mov    %rcx,%rdi
    7fe733efd340:	49 0f 4c fb          	cmovl  %r11,%rdi
    7fe733efd344:	45 33 db             	xor    %r11d,%r11d
    7fe733efd347:	48 85 ff             	test   %rdi,%rdi
    7fe733efd34a:	49 0f 4c fb          	cmovl  %r11,%rdi
    7fe733efd34e:	49 2b fa             	sub    %r10,%rdi
    7fe733efd351:	4c 8b da             	mov    %rdx,%r11
    7fe733efd354:	4d 2b da             	sub    %r10,%r11
    7fe733efd357:	44 8b d7             	mov    %edi,%r10d
    7fe733efd35a:	45 8b db             	mov    %r11d,%r11d
    7fe733efd35d:	41 83 c3 40          	add    $0x40,%r11d
    7fe733efd361:	45 3b da             	cmp    %r10d,%r11d
    7fe733efd364:	0f 83 43 02 00 00    	jae    0x7fe733efd5ad
    7fe733efd36a:	62 41 7c 48 10 59 01 	vmovups 0x40(%r9),%zmm27
    7fe733efd371:	48 8d 8a 80 00 00 00 	lea    0x80(%rdx),%rcx
    7fe733efd378:	48 8b d9             	mov    %rcx,%rbx
    7fe733efd37b:	33 ff                	xor    %edi,%edi
    7fe733efd37d:	48 85 c9             	test   %rcx,%rcx
    7fe733efd380:	48 0f 4c df          	cmovl  %rdi,%rbx
    7fe733efd384:	48 8d 7e 81          	lea    -0x7f(%rsi),%rdi
    7fe733efd388:	48 3b f9             	cmp    %rcx,%rdi
    7fe733efd38b:	48 b8 ff ff ff ff ff 	movabs $0x7fffffffffffffff,%rax
    7fe733efd392:	ff ff 7f 
    7fe733efd395:	48 0f 4c f8          	cmovl  %rax,%rdi
    7fe733efd399:	48 3b bc 24 08 05 00 	cmp    0x508(%rsp),%rdi
    7fe733efd3a0:	00 
    7fe733efd3a1:	48 8b 84 24 08 05 00 	mov    0x508(%rsp),%rax
    7fe733efd3a8:	00 
    7fe733efd3a9:	48 0f 4c c7          	cmovl  %rdi,%rax
    7fe733efd3ad:	48 3b c8             	cmp    %rax,%rcx
    7fe733efd3b0:	48 8b f9             	mov    %rcx,%rdi
    7fe733efd3b3:	48 0f 4c f8          	cmovl  %rax,%rdi
    7fe733efd3b7:	33 c0                	xor    %eax,%eax
    7fe733efd3b9:	48 85 ff             	test   %rdi,%rdi
    7fe733efd3bc:	48 0f 4c f8          	cmovl  %rax,%rdi
    7fe733efd3c0:	48 2b fb             	sub    %rbx,%rdi
    7fe733efd3c3:	48 8b c2             	mov    %rdx,%rax
    7fe733efd3c6:	48 2b c3             	sub    %rbx,%rax
    7fe733efd3c9:	8b ff                	mov    %edi,%edi
    7fe733efd3cb:	8b d8                	mov    %eax,%ebx
    7fe733efd3cd:	81 c3 80 00 00 00    	add    $0x80,%ebx
    7fe733efd3d3:	3b df                	cmp    %edi,%ebx
    7fe733efd3d5:	0f 83 f5 02 00 00    	jae    0x7fe733efd6d0
    7fe733efd3db:	62 41 7c 48 10 69 02 	vmovups 0x80(%r9),%zmm29
    7fe733efd3e2:	48 83 c6 c1          	add    $0xffffffffffffffc1,%rsi
    7fe733efd3e6:	48 8d 8a c0 00 00 00 	lea    0xc0(%rdx),%rcx
    7fe733efd3ed:	48 3b f1             	cmp    %rcx,%rsi
    7fe733efd3f0:	48 b8 ff ff ff ff ff 	movabs $0x7fffffffffffffff,%rax
    7fe733efd3f7:	ff ff 7f 
    7fe733efd3fa:	48 0f 4c f0          	cmovl  %rax,%rsi
    7fe733efd3fe:	48 3b b4 24 08 05 00 	cmp    0x508(%rsp),%rsi
    7fe733efd405:	00 
    7fe733efd406:	48 8b 84 24 08 05 00 	mov    0x508(%rsp),%rax
    7fe733efd40d:	00 
    7fe733efd40e:	48 0f 4c c6          	cmovl  %rsi,%rax
    7fe733efd412:	48 3b c8             	cmp    %rax,%rcx
    7fe733efd415:	48 8b f1             	mov    %rcx,%rsi
    7fe733efd418:	48 0f 4c f0          	cmovl  %rax,%rsi
    7fe733efd41c:	48 8b c1             	mov    %rcx,%rax
    7fe733efd41f:	33 ed                	xor    %ebp,%ebp
    7fe733efd421:	48 85 c9             	test   %rcx,%rcx
    7fe733efd424:	48 0f 4c c5          	cmovl  %rbp,%rax
    7fe733efd428:	48 2b d0             	sub    %rax,%rdx
    7fe733efd42b:	48 85 f6             	test   %rsi,%rsi
    7fe733efd42e:	48 0f 4c f5          	cmovl  %rbp,%rsi
    7fe733efd432:	48 2b f0             	sub    %rax,%rsi
    7fe733efd435:	8b c2                	mov    %edx,%eax
    7fe733efd437:	8b f6                	mov    %esi,%esi
    7fe733efd439:	05 c0 00 00 00       	add    $0xc0,%eax
    7fe733efd43e:	3b c6                	cmp    %esi,%eax
    7fe733efd440:	0f 83 ba 03 00 00    	jae    0x7fe733efd800
    7fe733efd446:	62 41 7c 48 10 71 03 	vmovups 0xc0(%r9),%zmm30
    7fe733efd44d:	8b 4c 24 24          	mov    0x24(%rsp),%ecx
    7fe733efd451:	8b 54 24 28          	mov    0x28(%rsp),%edx
    7fe733efd455:	8d 54 11 01          	lea    0x1(%rcx,%rdx,1),%edx
    7fe733efd459:	48 8b 4c 24 48       	mov    0x48(%rsp),%rcx
    7fe733efd45e:	4c 8b f1             	mov    %rcx,%r14
    7fe733efd461:	4d 03 f0             	add    %r8,%r14
    7fe733efd464:	62 c2 7d 48 18 26    	vbroadcastss (%r14),%zmm20
    7fe733efd46a:	62 92 5d 40 b8 fe    	vfmadd231ps %zmm30,%zmm20,%zmm7
    7fe733efd470:	62 32 5d 40 b8 e7    	vfmadd231ps %zmm23,%zmm20,%zmm12
    7fe733efd476:	62 12 5d 40 b8 d3    	vfmadd231ps %zmm27,%zmm20,%zmm10
    7fe733efd47c:	62 12 5d 40 b8 cd    	vfmadd231ps %zmm29,%zmm20,%zmm9
    7fe733efd482:	48 8b 4c 24 50       	mov    0x50(%rsp),%rcx
    7fe733efd487:	4c 8b e9             	mov    %rcx,%r13
    7fe733efd48a:	4d 03 e8             	add    %r8,%r13
    7fe733efd48d:	62 c2 7d 48 18 65 00 	vbroadcastss 0x0(%r13),%zmm20
    7fe733efd494:	62 12 5d 40 b8 c6    	vfmadd231ps %zmm30,%zmm20,%zmm8
    7fe733efd49a:	62 a2 5d 40 b8 df    	vfmadd231ps %zmm23,%zmm20,%zmm19
    7fe733efd4a0:	62 12 5d 40 b8 fb    	vfmadd231ps %zmm27,%zmm20,%zmm15
    7fe733efd4a6:	62 12 5d 40 b8 dd    	vfmadd231ps %zmm29,%zmm20,%zmm11
    7fe733efd4ac:	48 8b 4c 24 38       	mov    0x38(%rsp),%rcx
    7fe733efd4b1:	49 03 c8             	add    %r8,%rcx
    7fe733efd4b4:	48 8b 6c 24 40       	mov    0x40(%rsp),%rbp
    7fe733efd4b9:	49 03 e8             	add    %r8,%rbp
    7fe733efd4bc:	62 e2 7d 48 18 21    	vbroadcastss (%rcx),%zmm20
    7fe733efd4c2:	4d 8b 47 30          	mov    0x30(%r15),%r8
    7fe733efd4c6:	62 a2 5d 40 b8 d7    	vfmadd231ps %zmm23,%zmm20,%zmm18
    7fe733efd4cc:	62 82 5d 40 b8 c3    	vfmadd231ps %zmm27,%zmm20,%zmm16
    7fe733efd4d2:	62 12 5d 40 b8 f5    	vfmadd231ps %zmm29,%zmm20,%zmm14
    7fe733efd4d8:	62 12 5d 40 b8 ee    	vfmadd231ps %zmm30,%zmm20,%zmm13
    7fe733efd4de:	62 e2 7d 48 18 65 00 	vbroadcastss 0x0(%rbp),%zmm20
    7fe733efd4e5:	62 82 5d 40 b8 ce    	vfmadd231ps %zmm30,%zmm20,%zmm17
    7fe733efd4eb:	62 b2 5d 40 b8 f7    	vfmadd231ps %zmm23,%zmm20,%zmm6
    7fe733efd4f1:	62 92 5d 40 b8 eb    	vfmadd231ps %zmm27,%zmm20,%zmm5
    7fe733efd4f7:	62 92 5d 40 b8 e5    	vfmadd231ps %zmm29,%zmm20,%zmm4
    7fe733efd4fd:	41 85 00             	test   %eax,(%r8)
    7fe733efd500:	44 8b 44 24 20       	mov    0x20(%rsp),%r8d
    7fe733efd505:	41 83 f8 01          	cmp    $0x1,%r8d
    7fe733efd509:	0f 8e 8c 00 00 00    	jle    0x7fe733efd59b
    7fe733efd50f:	4d 63 c2             	movslq %r10d,%r8
    7fe733efd512:	4d 63 db             	movslq %r11d,%r11
    7fe733efd515:	4d 8d 93 00 01 00 00 	lea    0x100(%r11),%r10
    7fe733efd51c:	4d 3b d0             	cmp    %r8,%r10
    7fe733efd51f:	0f 83 37 04 00 00    	jae    0x7fe733efd95c
    7fe733efd525:	44 8b 54 24 20       	mov    0x20(%rsp),%r10d
    7fe733efd52a:	41 c1 e2 08          	shl    $0x8,%r10d
    7fe733efd52e:	4d 63 d2             	movslq %r10d,%r10
    7fe733efd531:	4f 8d 9c 13 00 ff ff 	lea    -0x100(%r11,%r10,1),%r11
    7fe733efd538:	ff 
    7fe733efd539:	4d 3b d8             	cmp    %r8,%r11
    7fe733efd53c:	0f 83 1a 04 00 00    	jae    0x7fe733efd95c
    7fe733efd542:	4c 63 c7             	movslq %edi,%r8
    7fe733efd545:	4c 63 db             	movslq %ebx,%r11
    7fe733efd548:	49 8d 9b 00 01 00 00 	lea    0x100(%r11),%rbx
    7fe733efd54f:	49 3b d8             	cmp    %r8,%rbx
    7fe733efd552:	0f 83 04 04 00 00    	jae    0x7fe733efd95c
    7fe733efd558:	4f 8d 9c 13 00 ff ff 	lea    -0x100(%r11,%r10,1),%r11
    7fe733efd55f:	ff 
    7fe733efd560:	4d 3b d8             	cmp    %r8,%r11
    7fe733efd563:	0f 83 f3 03 00 00    	jae    0x7fe733efd95c
    7fe733efd569:	4c 63 c6             	movslq %esi,%r8
    7fe733efd56c:	4c 63 d8             	movslq %eax,%r11
    7fe733efd56f:	49 8d 9b 00 01 00 00 	lea    0x100(%r11),%rbx
    7fe733efd576:	49 3b d8             	cmp    %r8,%rbx
    7fe733efd579:	0f 83 dd 03 00 00    	jae    0x7fe733efd95c
    7fe733efd57f:	4f 8d 94 13 00 ff ff 	lea    -0x100(%r11,%r10,1),%r10
    7fe733efd586:	ff 
    7fe733efd587:	4d 3b d0             	cmp    %r8,%r10
    7fe733efd58a:	0f 83 cc 03 00 00    	jae    0x7fe733efd95c
    7fe733efd590:	41 bb 01 00 00 00    	mov    $0x1,%r11d
    7fe733efd596:	e9 ad fc ff ff       	jmp    0x7fe733efd248
    7fe733efd59b:	44 8b 54 24 24       	mov    0x24(%rsp),%r10d
    7fe733efd5a0:	41 ff c2             	inc    %r10d
    7fe733efd5a3:	44 89 54 24 24       	mov    %r10d,0x24(%rsp)
    7fe733efd5a8:	e9 d6 fc ff ff       	jmp    0x7fe733efd283
    7fe733efd5ad:	44 8b 5c 24 24       	mov    0x24(%rsp),%r11d
    7fe733efd5b2:	44 03 5c 24 28       	add    0x28(%rsp),%r11d
    7fe733efd5b7:	4c 03 84 24 f8 04 00 	add    0x4f8(%rsp),%r8
    7fe733efd5be:	00 
    7fe733efd5bf:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x420(%rsp)
    7fe733efd5c6:	20 04 00 00 
    7fe733efd5ca:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733efd5d1:	e0 03 00 00 
    7fe733efd5d5:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733efd5dc:	a0 03 00 00 
    7fe733efd5e0:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733efd5e7:	60 03 00 00 
    7fe733efd5eb:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733efd5f2:	20 03 00 00 
    7fe733efd5f6:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733efd5fd:	e0 02 00 00 
    7fe733efd601:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733efd608:	a0 02 00 00 
    7fe733efd60c:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733efd613:	60 02 00 00 
    7fe733efd617:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efd61e:	20 02 00 00 
    7fe733efd622:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efd629:	e0 01 00 00 
    7fe733efd62d:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efd634:	a0 01 00 00 
    7fe733efd638:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efd63f:	60 01 00 00 
    7fe733efd643:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efd64a:	20 01 00 00 
    7fe733efd64e:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efd655:	e0 00 00 00 
    7fe733efd659:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efd660:	a0 00 00 00 
    7fe733efd664:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x60(%rsp)
    7fe733efd66b:	60 00 00 00 
    7fe733efd66f:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x20(%rsp)
    7fe733efd676:	20 00 00 00 
    7fe733efd67a:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efd67f:	8b 2c 24             	mov    (%rsp),%ebp
    7fe733efd682:	4c 8b 54 24 10       	mov    0x10(%rsp),%r10
    7fe733efd687:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efd68b:	44 89 9c 24 6c 04 00 	mov    %r11d,0x46c(%rsp)
    7fe733efd692:	00 
    7fe733efd693:	4c 89 84 24 70 04 00 	mov    %r8,0x470(%rsp)
    7fe733efd69a:	00 
    7fe733efd69b:	48 89 94 24 78 04 00 	mov    %rdx,0x478(%rsp)
    7fe733efd6a2:	00 
    7fe733efd6a3:	62 e1 ff 08 11 ac 24 	vmovsd %xmm21,0x480(%rsp)
    7fe733efd6aa:	80 04 00 00 
    7fe733efd6ae:	48 89 8c 24 88 04 00 	mov    %rcx,0x488(%rsp)
    7fe733efd6b5:	00 
    7fe733efd6b6:	c5 fb 11 8c 24 98 04 	vmovsd %xmm1,0x498(%rsp)
    7fe733efd6bd:	00 00 
    7fe733efd6bf:	90                   	nop
    7fe733efd6c0:	c5 f8 77             	vzeroupper
    7fe733efd6c3:	e8 98 39 ad ff       	call   0x7fe7339d1060
    7fe733efd6c8:	0f 1f 84 00 40 0d 00 	nopl   0x3000d40(%rax,%rax,1)
    7fe733efd6cf:	03 
    7fe733efd6d0:	44 8b 5c 24 24       	mov    0x24(%rsp),%r11d
    7fe733efd6d5:	44 03 5c 24 28       	add    0x28(%rsp),%r11d
    7fe733efd6da:	4c 03 84 24 f8 04 00 	add    0x4f8(%rsp),%r8
    7fe733efd6e1:	00 
    7fe733efd6e2:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x460(%rsp)
    7fe733efd6e9:	60 04 00 00 
    7fe733efd6ed:	62 61 fe 48 7f 9c 24 	vmovdqu64 %zmm27,0x420(%rsp)
    7fe733efd6f4:	20 04 00 00 
    7fe733efd6f8:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733efd6ff:	e0 03 00 00 
    7fe733efd703:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733efd70a:	a0 03 00 00 
    7fe733efd70e:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733efd715:	60 03 00 00 
    7fe733efd719:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733efd720:	20 03 00 00 
    7fe733efd724:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733efd72b:	e0 02 00 00 
    7fe733efd72f:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733efd736:	a0 02 00 00 
    7fe733efd73a:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733efd741:	60 02 00 00 
    7fe733efd745:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efd74c:	20 02 00 00 
    7fe733efd750:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efd757:	e0 01 00 00 
    7fe733efd75b:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efd762:	a0 01 00 00 
    7fe733efd766:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efd76d:	60 01 00 00 
    7fe733efd771:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efd778:	20 01 00 00 
    7fe733efd77c:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efd783:	e0 00 00 00 
    7fe733efd787:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efd78e:	a0 00 00 00 
    7fe733efd792:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x60(%rsp)
    7fe733efd799:	60 00 00 00 
    7fe733efd79d:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x20(%rsp)
    7fe733efd7a4:	20 00 00 00 
    7fe733efd7a8:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efd7ad:	8b 2c 24             	mov    (%rsp),%ebp
    7fe733efd7b0:	4c 8b 54 24 10       	mov    0x10(%rsp),%r10
    7fe733efd7b5:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efd7b9:	44 89 9c 24 ac 04 00 	mov    %r11d,0x4ac(%rsp)
    7fe733efd7c0:	00 
    7fe733efd7c1:	4c 89 84 24 b0 04 00 	mov    %r8,0x4b0(%rsp)
    7fe733efd7c8:	00 
    7fe733efd7c9:	48 89 94 24 b8 04 00 	mov    %rdx,0x4b8(%rsp)
    7fe733efd7d0:	00 
    7fe733efd7d1:	62 e1 ff 08 11 ac 24 	vmovsd %xmm21,0x4c0(%rsp)
    7fe733efd7d8:	c0 04 00 00 
    7fe733efd7dc:	48 89 8c 24 c8 04 00 	mov    %rcx,0x4c8(%rsp)
    7fe733efd7e3:	00 
    7fe733efd7e4:	c5 fb 11 8c 24 d8 04 	vmovsd %xmm1,0x4d8(%rsp)
    7fe733efd7eb:	00 00 
    7fe733efd7ed:	66 66 90             	data16 xchg %ax,%ax
    7fe733efd7f0:	c5 f8 77             	vzeroupper
    7fe733efd7f3:	e8 68 38 ad ff       	call   0x7fe7339d1060
    7fe733efd7f8:	0f 1f 84 00 70 0e 00 	nopl   0x4000e70(%rax,%rax,1)
    7fe733efd7ff:	04 
    7fe733efd800:	44 8b 5c 24 24       	mov    0x24(%rsp),%r11d
    7fe733efd805:	44 03 5c 24 28       	add    0x28(%rsp),%r11d
    7fe733efd80a:	4c 03 84 24 f8 04 00 	add    0x4f8(%rsp),%r8
    7fe733efd811:	00 
    7fe733efd812:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x4a0(%rsp)
    7fe733efd819:	a0 04 00 00 
    7fe733efd81d:	62 61 fe 48 7f 9c 24 	vmovdqu64 %zmm27,0x460(%rsp)
    7fe733efd824:	60 04 00 00 
    7fe733efd828:	62 61 fe 48 7f ac 24 	vmovdqu64 %zmm29,0x420(%rsp)
    7fe733efd82f:	20 04 00 00 
    7fe733efd833:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733efd83a:	e0 03 00 00 
    7fe733efd83e:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733efd845:	a0 03 00 00 
    7fe733efd849:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733efd850:	60 03 00 00 
    7fe733efd854:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733efd85b:	20 03 00 00 
    7fe733efd85f:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733efd866:	e0 02 00 00 
    7fe733efd86a:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733efd871:	a0 02 00 00 
    7fe733efd875:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733efd87c:	60 02 00 00 
    7fe733efd880:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efd887:	20 02 00 00 
    7fe733efd88b:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efd892:	e0 01 00 00 
    7fe733efd896:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efd89d:	a0 01 00 00 
    7fe733efd8a1:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efd8a8:	60 01 00 00 
    7fe733efd8ac:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efd8b3:	20 01 00 00 
    7fe733efd8b7:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efd8be:	e0 00 00 00 
    7fe733efd8c2:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efd8c9:	a0 00 00 00 
    7fe733efd8cd:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x60(%rsp)
    7fe733efd8d4:	60 00 00 00 
    7fe733efd8d8:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x20(%rsp)
    7fe733efd8df:	20 00 00 00 
    7fe733efd8e3:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efd8e8:	8b 2c 24             	mov    (%rsp),%ebp
    7fe733efd8eb:	4c 8b 54 24 10       	mov    0x10(%rsp),%r10
    7fe733efd8f0:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efd8f4:	4c 8b 94 24 e0 04 00 	mov    0x4e0(%rsp),%r10
    7fe733efd8fb:	00 
    7fe733efd8fc:	4c 89 54 24 10       	mov    %r10,0x10(%rsp)
    7fe733efd901:	4c 8b 94 24 e8 04 00 	mov    0x4e8(%rsp),%r10
    7fe733efd908:	00 
    7fe733efd909:	4c 89 54 24 18       	mov    %r10,0x18(%rsp)
    7fe733efd90e:	4c 8b 94 24 f0 04 00 	mov    0x4f0(%rsp),%r10
    7fe733efd915:	00 
    7fe733efd916:	4c 89 94 24 e0 04 00 	mov    %r10,0x4e0(%rsp)
    7fe733efd91d:	00 
    7fe733efd91e:	44 89 9c 24 ec 04 00 	mov    %r11d,0x4ec(%rsp)
    7fe733efd925:	00 
    7fe733efd926:	4c 89 84 24 f0 04 00 	mov    %r8,0x4f0(%rsp)
    7fe733efd92d:	00 
    7fe733efd92e:	62 e1 ff 08 11 ac 24 	vmovsd %xmm21,0x4f8(%rsp)
    7fe733efd935:	f8 04 00 00 
    7fe733efd939:	48 89 8c 24 00 05 00 	mov    %rcx,0x500(%rsp)
    7fe733efd940:	00 
    7fe733efd941:	c5 fb 11 8c 24 10 05 	vmovsd %xmm1,0x510(%rsp)
    7fe733efd948:	00 00 
    7fe733efd94a:	66 90                	xchg   %ax,%ax
    7fe733efd94c:	c5 f8 77             	vzeroupper
    7fe733efd94f:	e8 0c 37 ad ff       	call   0x7fe7339d1060
    7fe733efd954:	0f 1f 84 00 cc 0f 00 	nopl   0x5000fcc(%rax,%rax,1)
    7fe733efd95b:	05 
    7fe733efd95c:	be 6e ff ff ff       	mov    $0xffffff6e,%esi
    7fe733efd961:	8b 2c 24             	mov    (%rsp),%ebp
    7fe733efd964:	62 e1 ff 08 11 34 24 	vmovsd %xmm22,(%rsp)
    7fe733efd96b:	48 ff 74 24 10       	rex.W push 0x10(%rsp)
    7fe733efd970:	48 8f 44 24 08       	rex.W pop 0x8(%rsp)
    7fe733efd975:	62 e1 ff 08 11 6c 24 	vmovsd %xmm21,0x10(%rsp)
    7fe733efd97c:	02 
    7fe733efd97d:	89 54 24 30          	mov    %edx,0x30(%rsp)
    7fe733efd981:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x60(%rsp)
    7fe733efd988:	60 00 00 00 
    7fe733efd98c:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0xa0(%rsp)
    7fe733efd993:	a0 00 00 00 
    7fe733efd997:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0xe0(%rsp)
    7fe733efd99e:	e0 00 00 00 
    7fe733efd9a2:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x120(%rsp)
    7fe733efd9a9:	20 01 00 00 
    7fe733efd9ad:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x160(%rsp)
    7fe733efd9b4:	60 01 00 00 
    7fe733efd9b8:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x1a0(%rsp)
    7fe733efd9bf:	a0 01 00 00 
    7fe733efd9c3:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x1e0(%rsp)
    7fe733efd9ca:	e0 01 00 00 
    7fe733efd9ce:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x220(%rsp)
    7fe733efd9d5:	20 02 00 00 
    7fe733efd9d9:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x260(%rsp)
    7fe733efd9e0:	60 02 00 00 
    7fe733efd9e4:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x2a0(%rsp)
    7fe733efd9eb:	a0 02 00 00 
    7fe733efd9ef:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x2e0(%rsp)
    7fe733efd9f6:	e0 02 00 00 
    7fe733efd9fa:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x320(%rsp)
    7fe733efda01:	20 03 00 00 
    7fe733efda05:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x360(%rsp)
    7fe733efda0c:	60 03 00 00 
    7fe733efda10:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x3a0(%rsp)
    7fe733efda17:	a0 03 00 00 
    7fe733efda1b:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x3e0(%rsp)
    7fe733efda22:	e0 03 00 00 
    7fe733efda26:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x420(%rsp)
    7fe733efda2d:	20 04 00 00 
    7fe733efda31:	66 66 90             	data16 xchg %ax,%ax
    7fe733efda34:	c5 f8 77             	vzeroupper
    7fe733efda37:	e8 24 36 ad ff       	call   0x7fe7339d1060
    7fe733efda3c:	0f 1f 84 00 b4 10 00 	nopl   0x60010b4(%rax,%rax,1)
    7fe733efda43:	06 
    7fe733efda44:	c4 c1 f9 7e d2       	vmovq  %xmm2,%r10
    7fe733efda49:	4c 8b 8c 24 88 05 00 	mov    0x588(%rsp),%r9
    7fe733efda50:	00 
    7fe733efda51:	45 8b 59 08          	mov    0x8(%r9),%r11d
    7fe733efda55:	41 81 fb d0 3a 01 01 	cmp    $0x1013ad0,%r11d
    7fe733efda5c:	0f 85 86 15 00 00    	jne    0x7fe733efefe8
    7fe733efda62:	4c 8b 84 24 88 05 00 	mov    0x588(%rsp),%r8
    7fe733efda69:	00 
    7fe733efda6a:	41 0f b6 68 0c       	movzbl 0xc(%r8),%ebp
    7fe733efda6f:	85 ed                	test   %ebp,%ebp
    7fe733efda71:	0f 85 41 17 00 00    	jne    0x7fe733eff1b8
    7fe733efda77:	4d 03 50 10          	add    0x10(%r8),%r10
    7fe733efda7b:	4d 85 d2             	test   %r10,%r10
    7fe733efda7e:	0f 8c 48 16 00 00    	jl     0x7fe733eff0cc
    7fe733efda84:	48 8b 9c 24 90 05 00 	mov    0x590(%rsp),%rbx
    7fe733efda8b:	00 
    7fe733efda8c:	49 3b da             	cmp    %r10,%rbx
    7fe733efda8f:	0f 83 e6 0b 00 00    	jae    0x7fe733efe67b
    7fe733efda95:	41 8b 48 18          	mov    0x18(%r8),%ecx
    7fe733efda99:	4c 8b 9c 24 90 05 00 	mov    0x590(%rsp),%r11
    7fe733efdaa0:	00 
    7fe733efdaa1:	41 8b 6c cc 18       	mov    0x18(%r12,%rcx,8),%ebp
    7fe733efdaa6:	85 ed                	test   %ebp,%ebp
    7fe733efdaa8:	0f 85 e6 17 00 00    	jne    0x7fe733eff294
    7fe733efdaae:	41 8b 6c cc 0c       	mov    0xc(%r12,%rcx,8),%ebp
    7fe733efdab3:	85 ed                	test   %ebp,%ebp
    7fe733efdab5:	0f 8c e1 18 00 00    	jl     0x7fe733eff39c
    7fe733efdabb:	4d 8b 48 20          	mov    0x20(%r8),%r9
    7fe733efdabf:	4b 8d 0c 0b          	lea    (%r11,%r9,1),%rcx
    7fe733efdac3:	49 8d 6b 40          	lea    0x40(%r11),%rbp
    7fe733efdac7:	62 e1 7e 48 7f 11    	vmovdqu32 %zmm18,(%rcx)
    7fe733efdacd:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdad0:	0f 83 8e 0c 00 00    	jae    0x7fe733efe764
    7fe733efdad6:	62 e1 7e 48 7f 41 01 	vmovdqu32 %zmm16,0x40(%rcx)
    7fe733efdadd:	49 8d ab 80 00 00 00 	lea    0x80(%r11),%rbp
    7fe733efdae4:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdae7:	0f 83 57 0d 00 00    	jae    0x7fe733efe844
    7fe733efdaed:	62 71 7e 48 7f 71 02 	vmovdqu32 %zmm14,0x80(%rcx)
    7fe733efdaf4:	49 8d ab c0 00 00 00 	lea    0xc0(%r11),%rbp
    7fe733efdafb:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdafe:	0f 83 14 0e 00 00    	jae    0x7fe733efe918
    7fe733efdb04:	62 71 7e 48 7f 69 03 	vmovdqu32 %zmm13,0xc0(%rcx)
    7fe733efdb0b:	48 8b 8c 24 98 05 00 	mov    0x598(%rsp),%rcx
    7fe733efdb12:	00 
    7fe733efdb13:	49 03 cb             	add    %r11,%rcx
    7fe733efdb16:	49 3b ca             	cmp    %r10,%rcx
    7fe733efdb19:	0f 83 c1 0e 00 00    	jae    0x7fe733efe9e0
    7fe733efdb1f:	4a 8d 1c 09          	lea    (%rcx,%r9,1),%rbx
    7fe733efdb23:	48 8d 69 40          	lea    0x40(%rcx),%rbp
    7fe733efdb27:	62 71 7e 48 7f 23    	vmovdqu32 %zmm12,(%rbx)
    7fe733efdb2d:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdb30:	0f 83 6a 0f 00 00    	jae    0x7fe733efeaa0
    7fe733efdb36:	62 71 7e 48 7f 53 01 	vmovdqu32 %zmm10,0x40(%rbx)
    7fe733efdb3d:	48 8d a9 80 00 00 00 	lea    0x80(%rcx),%rbp
    7fe733efdb44:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdb47:	0f 83 07 10 00 00    	jae    0x7fe733efeb54
    7fe733efdb4d:	62 71 7e 48 7f 4b 02 	vmovdqu32 %zmm9,0x80(%rbx)
    7fe733efdb54:	48 81 c1 c0 00 00 00 	add    $0xc0,%rcx
    7fe733efdb5b:	49 3b ca             	cmp    %r10,%rcx
    7fe733efdb5e:	0f 83 98 10 00 00    	jae    0x7fe733efebfc
    7fe733efdb64:	62 f1 7e 48 7f 7b 03 	vmovdqu32 %zmm7,0xc0(%rbx)
    7fe733efdb6b:	48 8b bc 24 98 05 00 	mov    0x598(%rsp),%rdi
    7fe733efdb72:	00 
    7fe733efdb73:	48 d1 e7             	shl    %rdi
    7fe733efdb76:	49 8d 1c 3b          	lea    (%r11,%rdi,1),%rbx
    7fe733efdb7a:	49 3b da             	cmp    %r10,%rbx
    7fe733efdb7d:	0f 83 15 11 00 00    	jae    0x7fe733efec98
    7fe733efdb83:	4a 8d 0c 0b          	lea    (%rbx,%r9,1),%rcx
    7fe733efdb87:	48 8d 6b 40          	lea    0x40(%rbx),%rbp
    7fe733efdb8b:	62 f1 7e 48 7f 31    	vmovdqu32 %zmm6,(%rcx)
    7fe733efdb91:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdb94:	0f 83 92 11 00 00    	jae    0x7fe733efed2c
    7fe733efdb9a:	62 f1 7e 48 7f 69 01 	vmovdqu32 %zmm5,0x40(%rcx)
    7fe733efdba1:	48 8d ab 80 00 00 00 	lea    0x80(%rbx),%rbp
    7fe733efdba8:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdbab:	0f 83 03 12 00 00    	jae    0x7fe733efedb4
    7fe733efdbb1:	62 f1 7e 48 7f 61 02 	vmovdqu32 %zmm4,0x80(%rcx)
    7fe733efdbb8:	48 81 c3 c0 00 00 00 	add    $0xc0,%rbx
    7fe733efdbbf:	49 3b da             	cmp    %r10,%rbx
    7fe733efdbc2:	0f 83 68 12 00 00    	jae    0x7fe733efee30
    7fe733efdbc8:	62 e1 7e 48 7f 49 03 	vmovdqu32 %zmm17,0xc0(%rcx)
    7fe733efdbcf:	48 8b 8c 24 98 05 00 	mov    0x598(%rsp),%rcx
    7fe733efdbd6:	00 
    7fe733efdbd7:	48 03 cf             	add    %rdi,%rcx
    7fe733efdbda:	49 03 cb             	add    %r11,%rcx
    7fe733efdbdd:	49 3b ca             	cmp    %r10,%rcx
    7fe733efdbe0:	0f 83 ba 12 00 00    	jae    0x7fe733efeea0
    7fe733efdbe6:	4a 8d 1c 09          	lea    (%rcx,%r9,1),%rbx
    7fe733efdbea:	48 8d 69 40          	lea    0x40(%rcx),%rbp
    7fe733efdbee:	4c 8b cb             	mov    %rbx,%r9
    7fe733efdbf1:	62 c1 7e 48 7f 19    	vmovdqu32 %zmm19,(%r9)
    7fe733efdbf7:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdbfa:	0f 83 08 13 00 00    	jae    0x7fe733efef08
    7fe733efdc00:	62 51 7e 48 7f 79 01 	vmovdqu32 %zmm15,0x40(%r9)
    7fe733efdc07:	48 8d a9 80 00 00 00 	lea    0x80(%rcx),%rbp
    7fe733efdc0e:	49 3b ea             	cmp    %r10,%rbp
    7fe733efdc11:	0f 83 4d 13 00 00    	jae    0x7fe733efef64
    7fe733efdc17:	62 51 7e 48 7f 59 02 	vmovdqu32 %zmm11,0x80(%r9)
    7fe733efdc1e:	48 81 c1 c0 00 00 00 	add    $0xc0,%rcx
    7fe733efdc25:	49 3b ca             	cmp    %r10,%rcx
    7fe733efdc28:	0f 83 86 13 00 00    	jae    0x7fe733efefb4
    7fe733efdc2e:	62 51 7e 48 7f 41 03 	vmovdqu32 %zmm8,0xc0(%r9)
    7fe733efdc35:	c5 f8 77             	vzeroupper
    7fe733efdc38:	48 81 c4 70 05 00 00 	add    $0x570,%rsp
    7fe733efdc3f:	5d                   	pop    %rbp
    7fe733efdc40:	49 3b 67 28          	cmp    0x28(%r15),%rsp
    7fe733efdc44:	0f 87 72 19 00 00    	ja     0x7fe733eff5bc
    7fe733efdc4a:	c3                   	ret
    7fe733efdc4b:	62 31 fe 48 6f d9    	vmovdqu64 %zmm17,%zmm11
    7fe733efdc51:	62 31 fe 48 6f c1    	vmovdqu64 %zmm17,%zmm8
    7fe733efdc57:	62 31 fe 48 6f f9    	vmovdqu64 %zmm17,%zmm15
    7fe733efdc5d:	62 a1 fe 48 6f d9    	vmovdqu64 %zmm17,%zmm19
    7fe733efdc63:	62 b1 fe 48 6f e1    	vmovdqu64 %zmm17,%zmm4
    7fe733efdc69:	62 b1 fe 48 6f e9    	vmovdqu64 %zmm17,%zmm5
    7fe733efdc6f:	62 b1 fe 48 6f f1    	vmovdqu64 %zmm17,%zmm6
    7fe733efdc75:	62 b1 fe 48 6f f9    	vmovdqu64 %zmm17,%zmm7
    7fe733efdc7b:	62 31 fe 48 6f c9    	vmovdqu64 %zmm17,%zmm9
    7fe733efdc81:	62 31 fe 48 6f d1    	vmovdqu64 %zmm17,%zmm10
    7fe733efdc87:	62 31 fe 48 6f e1    	vmovdqu64 %zmm17,%zmm12
    7fe733efdc8d:	62 31 fe 48 6f e9    	vmovdqu64 %zmm17,%zmm13
    7fe733efdc93:	62 31 fe 48 6f f1    	vmovdqu64 %zmm17,%zmm14
    7fe733efdc99:	62 a1 fe 48 6f c1    	vmovdqu64 %zmm17,%zmm16
    7fe733efdc9f:	62 a1 fe 48 6f d1    	vmovdqu64 %zmm17,%zmm18
    7fe733efdca5:	49 c7 c2 c1 ff ff ff 	mov    $0xffffffffffffffc1,%r10
    7fe733efdcac:	e9 98 fd ff ff       	jmp    0x7fe733efda49
    7fe733efdcb1:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efdcb6:	8b 2c 24             	mov    (%rsp),%ebp
    7fe733efdcb9:	4c 8b 54 24 10       	mov    0x10(%rsp),%r10
    7fe733efdcbe:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efdcc2:	44 89 5c 24 20       	mov    %r11d,0x20(%rsp)
    7fe733efdcc7:	62 e1 ff 08 11 6c 24 	vmovsd %xmm21,0x38(%rsp)
    7fe733efdcce:	07 
    7fe733efdccf:	4c 89 44 24 40       	mov    %r8,0x40(%rsp)
    7fe733efdcd4:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efdcdb:	60 00 00 00 
    7fe733efdcdf:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0xa0(%rsp)
    7fe733efdce6:	a0 00 00 00 
    7fe733efdcea:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xe0(%rsp)
    7fe733efdcf1:	e0 00 00 00 
    7fe733efdcf5:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x120(%rsp)
    7fe733efdcfc:	20 01 00 00 
    7fe733efdd00:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x160(%rsp)
    7fe733efdd07:	60 01 00 00 
    7fe733efdd0b:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x1a0(%rsp)
    7fe733efdd12:	a0 01 00 00 
    7fe733efdd16:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1e0(%rsp)
    7fe733efdd1d:	e0 01 00 00 
    7fe733efdd21:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x220(%rsp)
    7fe733efdd28:	20 02 00 00 
    7fe733efdd2c:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x260(%rsp)
    7fe733efdd33:	60 02 00 00 
    7fe733efdd37:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x2a0(%rsp)
    7fe733efdd3e:	a0 02 00 00 
    7fe733efdd42:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2e0(%rsp)
    7fe733efdd49:	e0 02 00 00 
    7fe733efdd4d:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x320(%rsp)
    7fe733efdd54:	20 03 00 00 
    7fe733efdd58:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x360(%rsp)
    7fe733efdd5f:	60 03 00 00 
    7fe733efdd63:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x3a0(%rsp)
    7fe733efdd6a:	a0 03 00 00 
    7fe733efdd6e:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3e0(%rsp)
    7fe733efdd75:	e0 03 00 00 
    7fe733efdd79:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x420(%rsp)
    7fe733efdd80:	20 04 00 00 
    7fe733efdd84:	c5 fb 11 4c 24 50    	vmovsd %xmm1,0x50(%rsp)
    7fe733efdd8a:	c5 fb 11 44 24 58    	vmovsd %xmm0,0x58(%rsp)
    7fe733efdd90:	c5 f8 77             	vzeroupper
    7fe733efdd93:	e8 c8 32 ad ff       	call   0x7fe7339d1060
    7fe733efdd98:	0f 1f 84 00 10 14 00 	nopl   0x7001410(%rax,%rax,1)
    7fe733efdd9f:	07 
    7fe733efdda0:	62 e1 fe 48 7f a4 24 	vmovdqu64 %zmm20,0x420(%rsp)
    7fe733efdda7:	20 04 00 00 
    7fe733efddab:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733efddb2:	e0 03 00 00 
    7fe733efddb6:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733efddbd:	a0 03 00 00 
    7fe733efddc1:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733efddc8:	60 03 00 00 
    7fe733efddcc:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733efddd3:	20 03 00 00 
    7fe733efddd7:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733efddde:	e0 02 00 00 
    7fe733efdde2:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733efdde9:	a0 02 00 00 
    7fe733efdded:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733efddf4:	60 02 00 00 
    7fe733efddf8:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efddff:	20 02 00 00 
    7fe733efde03:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efde0a:	e0 01 00 00 
    7fe733efde0e:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efde15:	a0 01 00 00 
    7fe733efde19:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efde20:	60 01 00 00 
    7fe733efde24:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efde2b:	20 01 00 00 
    7fe733efde2f:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efde36:	e0 00 00 00 
    7fe733efde3a:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efde41:	a0 00 00 00 
    7fe733efde45:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x60(%rsp)
    7fe733efde4c:	60 00 00 00 
    7fe733efde50:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x20(%rsp)
    7fe733efde57:	20 00 00 00 
    7fe733efde5b:	48 8b 94 24 a0 04 00 	mov    0x4a0(%rsp),%rdx
    7fe733efde62:	00 
    7fe733efde63:	4c 8b 84 24 f8 04 00 	mov    0x4f8(%rsp),%r8
    7fe733efde6a:	00 
    7fe733efde6b:	e9 0a f8 ff ff       	jmp    0x7fe733efd67a
    7fe733efde70:	62 e1 fe 48 7f a4 24 	vmovdqu64 %zmm20,0x460(%rsp)
    7fe733efde77:	60 04 00 00 
    7fe733efde7b:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x420(%rsp)
    7fe733efde82:	20 04 00 00 
    7fe733efde86:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733efde8d:	e0 03 00 00 
    7fe733efde91:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733efde98:	a0 03 00 00 
    7fe733efde9c:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733efdea3:	60 03 00 00 
    7fe733efdea7:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733efdeae:	20 03 00 00 
    7fe733efdeb2:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733efdeb9:	e0 02 00 00 
    7fe733efdebd:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733efdec4:	a0 02 00 00 
    7fe733efdec8:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733efdecf:	60 02 00 00 
    7fe733efded3:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efdeda:	20 02 00 00 
    7fe733efdede:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efdee5:	e0 01 00 00 
    7fe733efdee9:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efdef0:	a0 01 00 00 
    7fe733efdef4:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efdefb:	60 01 00 00 
    7fe733efdeff:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efdf06:	20 01 00 00 
    7fe733efdf0a:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efdf11:	e0 00 00 00 
    7fe733efdf15:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efdf1c:	a0 00 00 00 
    7fe733efdf20:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x60(%rsp)
    7fe733efdf27:	60 00 00 00 
    7fe733efdf2b:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x20(%rsp)
    7fe733efdf32:	20 00 00 00 
    7fe733efdf36:	48 8b 94 24 a0 04 00 	mov    0x4a0(%rsp),%rdx
    7fe733efdf3d:	00 
    7fe733efdf3e:	4c 8b 84 24 f8 04 00 	mov    0x4f8(%rsp),%r8
    7fe733efdf45:	00 
    7fe733efdf46:	e9 5d f8 ff ff       	jmp    0x7fe733efd7a8
    7fe733efdf4b:	62 e1 fe 48 7f a4 24 	vmovdqu64 %zmm20,0x4a0(%rsp)
    7fe733efdf52:	a0 04 00 00 
    7fe733efdf56:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x460(%rsp)
    7fe733efdf5d:	60 04 00 00 
    7fe733efdf61:	62 61 fe 48 7f 9c 24 	vmovdqu64 %zmm27,0x420(%rsp)
    7fe733efdf68:	20 04 00 00 
    7fe733efdf6c:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733efdf73:	e0 03 00 00 
    7fe733efdf77:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733efdf7e:	a0 03 00 00 
    7fe733efdf82:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733efdf89:	60 03 00 00 
    7fe733efdf8d:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733efdf94:	20 03 00 00 
    7fe733efdf98:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733efdf9f:	e0 02 00 00 
    7fe733efdfa3:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733efdfaa:	a0 02 00 00 
    7fe733efdfae:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733efdfb5:	60 02 00 00 
    7fe733efdfb9:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efdfc0:	20 02 00 00 
    7fe733efdfc4:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efdfcb:	e0 01 00 00 
    7fe733efdfcf:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efdfd6:	a0 01 00 00 
    7fe733efdfda:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efdfe1:	60 01 00 00 
    7fe733efdfe5:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efdfec:	20 01 00 00 
    7fe733efdff0:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efdff7:	e0 00 00 00 
    7fe733efdffb:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efe002:	a0 00 00 00 
    7fe733efe006:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x60(%rsp)
    7fe733efe00d:	60 00 00 00 
    7fe733efe011:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x20(%rsp)
    7fe733efe018:	20 00 00 00 
    7fe733efe01c:	4c 8b 84 24 f8 04 00 	mov    0x4f8(%rsp),%r8
    7fe733efe023:	00 
    7fe733efe024:	e9 ba f8 ff ff       	jmp    0x7fe733efd8e3
    7fe733efe029:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe02e:	62 e1 ff 08 11 6c 24 	vmovsd %xmm21,0x18(%rsp)
    7fe733efe035:	03 
    7fe733efe036:	4c 8b 94 24 e0 04 00 	mov    0x4e0(%rsp),%r10
    7fe733efe03d:	00 
    7fe733efe03e:	4c 89 54 24 20       	mov    %r10,0x20(%rsp)
    7fe733efe043:	4c 8b 94 24 e8 04 00 	mov    0x4e8(%rsp),%r10
    7fe733efe04a:	00 
    7fe733efe04b:	4c 89 54 24 28       	mov    %r10,0x28(%rsp)
    7fe733efe050:	4c 8b 94 24 f0 04 00 	mov    0x4f0(%rsp),%r10
    7fe733efe057:	00 
    7fe733efe058:	4c 89 54 24 30       	mov    %r10,0x30(%rsp)
    7fe733efe05d:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7fe733efe062:	4c 8b 94 24 f8 04 00 	mov    0x4f8(%rsp),%r10
    7fe733efe069:	00 
    7fe733efe06a:	4c 89 54 24 38       	mov    %r10,0x38(%rsp)
    7fe733efe06f:	62 e1 ff 08 11 74 24 	vmovsd %xmm22,0x40(%rsp)
    7fe733efe076:	08 
    7fe733efe077:	62 e1 ff 08 11 74 24 	vmovsd %xmm22,0x48(%rsp)
    7fe733efe07e:	09 
    7fe733efe07f:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efe086:	60 00 00 00 
    7fe733efe08a:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0xa0(%rsp)
    7fe733efe091:	a0 00 00 00 
    7fe733efe095:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xe0(%rsp)
    7fe733efe09c:	e0 00 00 00 
    7fe733efe0a0:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x120(%rsp)
    7fe733efe0a7:	20 01 00 00 
    7fe733efe0ab:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x160(%rsp)
    7fe733efe0b2:	60 01 00 00 
    7fe733efe0b6:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x1a0(%rsp)
    7fe733efe0bd:	a0 01 00 00 
    7fe733efe0c1:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1e0(%rsp)
    7fe733efe0c8:	e0 01 00 00 
    7fe733efe0cc:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x220(%rsp)
    7fe733efe0d3:	20 02 00 00 
    7fe733efe0d7:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x260(%rsp)
    7fe733efe0de:	60 02 00 00 
    7fe733efe0e2:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x2a0(%rsp)
    7fe733efe0e9:	a0 02 00 00 
    7fe733efe0ed:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2e0(%rsp)
    7fe733efe0f4:	e0 02 00 00 
    7fe733efe0f8:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x320(%rsp)
    7fe733efe0ff:	20 03 00 00 
    7fe733efe103:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x360(%rsp)
    7fe733efe10a:	60 03 00 00 
    7fe733efe10e:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x3a0(%rsp)
    7fe733efe115:	a0 03 00 00 
    7fe733efe119:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3e0(%rsp)
    7fe733efe120:	e0 03 00 00 
    7fe733efe124:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x420(%rsp)
    7fe733efe12b:	20 04 00 00 
    7fe733efe12f:	62 61 fe 48 7f b4 24 	vmovdqu64 %zmm30,0x460(%rsp)
    7fe733efe136:	60 04 00 00 
    7fe733efe13a:	62 61 fe 48 7f 9c 24 	vmovdqu64 %zmm27,0x4a0(%rsp)
    7fe733efe141:	a0 04 00 00 
    7fe733efe145:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x4e0(%rsp)
    7fe733efe14c:	e0 04 00 00 
    7fe733efe150:	62 e1 fe 48 7f a4 24 	vmovdqu64 %zmm20,0x520(%rsp)
    7fe733efe157:	20 05 00 00 
    7fe733efe15b:	90                   	nop
    7fe733efe15c:	c5 f8 77             	vzeroupper
    7fe733efe15f:	e8 fc 2e ad ff       	call   0x7fe7339d1060
    7fe733efe164:	0f 1f 84 00 dc 17 00 	nopl   0x80017dc(%rax,%rax,1)
    7fe733efe16b:	08 
    7fe733efe16c:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe171:	62 e1 ff 08 11 6c 24 	vmovsd %xmm21,0x18(%rsp)
    7fe733efe178:	03 
    7fe733efe179:	4c 8b 94 24 e0 04 00 	mov    0x4e0(%rsp),%r10
    7fe733efe180:	00 
    7fe733efe181:	4c 89 54 24 20       	mov    %r10,0x20(%rsp)
    7fe733efe186:	4c 8b 94 24 e8 04 00 	mov    0x4e8(%rsp),%r10
    7fe733efe18d:	00 
    7fe733efe18e:	4c 89 54 24 28       	mov    %r10,0x28(%rsp)
    7fe733efe193:	4c 8b 94 24 f0 04 00 	mov    0x4f0(%rsp),%r10
    7fe733efe19a:	00 
    7fe733efe19b:	4c 89 54 24 30       	mov    %r10,0x30(%rsp)
    7fe733efe1a0:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7fe733efe1a5:	4c 8b 94 24 f8 04 00 	mov    0x4f8(%rsp),%r10
    7fe733efe1ac:	00 
    7fe733efe1ad:	4c 89 54 24 38       	mov    %r10,0x38(%rsp)
    7fe733efe1b2:	62 e1 ff 08 11 74 24 	vmovsd %xmm22,0x40(%rsp)
    7fe733efe1b9:	08 
    7fe733efe1ba:	62 e1 ff 08 11 74 24 	vmovsd %xmm22,0x48(%rsp)
    7fe733efe1c1:	09 
    7fe733efe1c2:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efe1c9:	60 00 00 00 
    7fe733efe1cd:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0xa0(%rsp)
    7fe733efe1d4:	a0 00 00 00 
    7fe733efe1d8:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xe0(%rsp)
    7fe733efe1df:	e0 00 00 00 
    7fe733efe1e3:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x120(%rsp)
    7fe733efe1ea:	20 01 00 00 
    7fe733efe1ee:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x160(%rsp)
    7fe733efe1f5:	60 01 00 00 
    7fe733efe1f9:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x1a0(%rsp)
    7fe733efe200:	a0 01 00 00 
    7fe733efe204:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1e0(%rsp)
    7fe733efe20b:	e0 01 00 00 
    7fe733efe20f:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x220(%rsp)
    7fe733efe216:	20 02 00 00 
    7fe733efe21a:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x260(%rsp)
    7fe733efe221:	60 02 00 00 
    7fe733efe225:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x2a0(%rsp)
    7fe733efe22c:	a0 02 00 00 
    7fe733efe230:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x2e0(%rsp)
    7fe733efe237:	e0 02 00 00 
    7fe733efe23b:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x320(%rsp)
    7fe733efe242:	20 03 00 00 
    7fe733efe246:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x360(%rsp)
    7fe733efe24d:	60 03 00 00 
    7fe733efe251:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x3a0(%rsp)
    7fe733efe258:	a0 03 00 00 
    7fe733efe25c:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x3e0(%rsp)
    7fe733efe263:	e0 03 00 00 
    7fe733efe267:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x420(%rsp)
    7fe733efe26e:	20 04 00 00 
    7fe733efe272:	62 61 fe 48 7f b4 24 	vmovdqu64 %zmm30,0x460(%rsp)
    7fe733efe279:	60 04 00 00 
    7fe733efe27d:	62 61 fe 48 7f 9c 24 	vmovdqu64 %zmm27,0x4a0(%rsp)
    7fe733efe284:	a0 04 00 00 
    7fe733efe288:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x4e0(%rsp)
    7fe733efe28f:	e0 04 00 00 
    7fe733efe293:	62 e1 fe 48 7f a4 24 	vmovdqu64 %zmm20,0x520(%rsp)
    7fe733efe29a:	20 05 00 00 
    7fe733efe29e:	66 90                	xchg   %ax,%ax
    7fe733efe2a0:	c5 f8 77             	vzeroupper
    7fe733efe2a3:	e8 b8 2d ad ff       	call   0x7fe7339d1060
    7fe733efe2a8:	0f 1f 84 00 20 19 00 	nopl   0x9001920(%rax,%rax,1)
    7fe733efe2af:	09 
    7fe733efe2b0:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe2b5:	62 e1 ff 08 11 6c 24 	vmovsd %xmm21,0x18(%rsp)
    7fe733efe2bc:	03 
    7fe733efe2bd:	4c 8b 94 24 e0 04 00 	mov    0x4e0(%rsp),%r10
    7fe733efe2c4:	00 
    7fe733efe2c5:	4c 89 54 24 20       	mov    %r10,0x20(%rsp)
    7fe733efe2ca:	4c 8b 94 24 e8 04 00 	mov    0x4e8(%rsp),%r10
    7fe733efe2d1:	00 
    7fe733efe2d2:	4c 89 54 24 28       	mov    %r10,0x28(%rsp)
    7fe733efe2d7:	4c 8b 94 24 f0 04 00 	mov    0x4f0(%rsp),%r10
    7fe733efe2de:	00 
    7fe733efe2df:	4c 89 54 24 30       	mov    %r10,0x30(%rsp)
    7fe733efe2e4:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7fe733efe2e9:	4c 8b 94 24 f8 04 00 	mov    0x4f8(%rsp),%r10
    7fe733efe2f0:	00 
    7fe733efe2f1:	4c 89 54 24 38       	mov    %r10,0x38(%rsp)
    7fe733efe2f6:	62 e1 ff 08 11 74 24 	vmovsd %xmm22,0x40(%rsp)
    7fe733efe2fd:	08 
    7fe733efe2fe:	62 e1 ff 08 11 74 24 	vmovsd %xmm22,0x48(%rsp)
    7fe733efe305:	09 
    7fe733efe306:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efe30d:	60 00 00 00 
    7fe733efe311:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0xa0(%rsp)
    7fe733efe318:	a0 00 00 00 
    7fe733efe31c:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xe0(%rsp)
    7fe733efe323:	e0 00 00 00 
    7fe733efe327:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x120(%rsp)
    7fe733efe32e:	20 01 00 00 
    7fe733efe332:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x160(%rsp)
    7fe733efe339:	60 01 00 00 
    7fe733efe33d:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x1a0(%rsp)
    7fe733efe344:	a0 01 00 00 
    7fe733efe348:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x1e0(%rsp)
    7fe733efe34f:	e0 01 00 00 
    7fe733efe353:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x220(%rsp)
    7fe733efe35a:	20 02 00 00 
    7fe733efe35e:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x260(%rsp)
    7fe733efe365:	60 02 00 00 
    7fe733efe369:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x2a0(%rsp)
    7fe733efe370:	a0 02 00 00 
    7fe733efe374:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x2e0(%rsp)
    7fe733efe37b:	e0 02 00 00 
    7fe733efe37f:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x320(%rsp)
    7fe733efe386:	20 03 00 00 
    7fe733efe38a:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x360(%rsp)
    7fe733efe391:	60 03 00 00 
    7fe733efe395:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x3a0(%rsp)
    7fe733efe39c:	a0 03 00 00 
    7fe733efe3a0:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x3e0(%rsp)
    7fe733efe3a7:	e0 03 00 00 
    7fe733efe3ab:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x420(%rsp)
    7fe733efe3b2:	20 04 00 00 
    7fe733efe3b6:	62 61 fe 48 7f b4 24 	vmovdqu64 %zmm30,0x460(%rsp)
    7fe733efe3bd:	60 04 00 00 
    7fe733efe3c1:	62 61 fe 48 7f 9c 24 	vmovdqu64 %zmm27,0x4a0(%rsp)
    7fe733efe3c8:	a0 04 00 00 
    7fe733efe3cc:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x4e0(%rsp)
    7fe733efe3d3:	e0 04 00 00 
    7fe733efe3d7:	62 e1 fe 48 7f a4 24 	vmovdqu64 %zmm20,0x520(%rsp)
    7fe733efe3de:	20 05 00 00 
    7fe733efe3e2:	66 90                	xchg   %ax,%ax
    7fe733efe3e4:	c5 f8 77             	vzeroupper
    7fe733efe3e7:	e8 74 2c ad ff       	call   0x7fe7339d1060
    7fe733efe3ec:	0f 1f 84 00 64 1a 00 	nopl   0xa001a64(%rax,%rax,1)
    7fe733efe3f3:	0a 
    7fe733efe3f4:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe3f9:	62 e1 ff 08 11 6c 24 	vmovsd %xmm21,0x18(%rsp)
    7fe733efe400:	03 
    7fe733efe401:	4c 8b 94 24 e0 04 00 	mov    0x4e0(%rsp),%r10
    7fe733efe408:	00 
    7fe733efe409:	4c 89 54 24 20       	mov    %r10,0x20(%rsp)
    7fe733efe40e:	4c 8b 94 24 e8 04 00 	mov    0x4e8(%rsp),%r10
    7fe733efe415:	00 
    7fe733efe416:	4c 89 54 24 28       	mov    %r10,0x28(%rsp)
    7fe733efe41b:	4c 8b 94 24 f0 04 00 	mov    0x4f0(%rsp),%r10
    7fe733efe422:	00 
    7fe733efe423:	4c 89 54 24 30       	mov    %r10,0x30(%rsp)
    7fe733efe428:	44 89 5c 24 04       	mov    %r11d,0x4(%rsp)
    7fe733efe42d:	62 e1 ff 08 11 74 24 	vmovsd %xmm22,0x38(%rsp)
    7fe733efe434:	07 
    7fe733efe435:	62 e1 ff 08 11 74 24 	vmovsd %xmm22,0x40(%rsp)
    7fe733efe43c:	08 
    7fe733efe43d:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x60(%rsp)
    7fe733efe444:	60 00 00 00 
    7fe733efe448:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xa0(%rsp)
    7fe733efe44f:	a0 00 00 00 
    7fe733efe453:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0xe0(%rsp)
    7fe733efe45a:	e0 00 00 00 
    7fe733efe45e:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x120(%rsp)
    7fe733efe465:	20 01 00 00 
    7fe733efe469:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x160(%rsp)
    7fe733efe470:	60 01 00 00 
    7fe733efe474:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x1a0(%rsp)
    7fe733efe47b:	a0 01 00 00 
    7fe733efe47f:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x1e0(%rsp)
    7fe733efe486:	e0 01 00 00 
    7fe733efe48a:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x220(%rsp)
    7fe733efe491:	20 02 00 00 
    7fe733efe495:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x260(%rsp)
    7fe733efe49c:	60 02 00 00 
    7fe733efe4a0:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x2a0(%rsp)
    7fe733efe4a7:	a0 02 00 00 
    7fe733efe4ab:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x2e0(%rsp)
    7fe733efe4b2:	e0 02 00 00 
    7fe733efe4b6:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x320(%rsp)
    7fe733efe4bd:	20 03 00 00 
    7fe733efe4c1:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x360(%rsp)
    7fe733efe4c8:	60 03 00 00 
    7fe733efe4cc:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x3a0(%rsp)
    7fe733efe4d3:	a0 03 00 00 
    7fe733efe4d7:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x3e0(%rsp)
    7fe733efe4de:	e0 03 00 00 
    7fe733efe4e2:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x420(%rsp)
    7fe733efe4e9:	20 04 00 00 
    7fe733efe4ed:	62 61 fe 48 7f b4 24 	vmovdqu64 %zmm30,0x460(%rsp)
    7fe733efe4f4:	60 04 00 00 
    7fe733efe4f8:	62 61 fe 48 7f 9c 24 	vmovdqu64 %zmm27,0x4a0(%rsp)
    7fe733efe4ff:	a0 04 00 00 
    7fe733efe503:	62 e1 fe 48 7f bc 24 	vmovdqu64 %zmm23,0x4e0(%rsp)
    7fe733efe50a:	e0 04 00 00 
    7fe733efe50e:	62 e1 fe 48 7f a4 24 	vmovdqu64 %zmm20,0x520(%rsp)
    7fe733efe515:	20 05 00 00 
    7fe733efe519:	66 66 90             	data16 xchg %ax,%ax
    7fe733efe51c:	c5 f8 77             	vzeroupper
    7fe733efe51f:	e8 3c 2b ad ff       	call   0x7fe7339d1060
    7fe733efe524:	0f 1f 84 00 9c 1b 00 	nopl   0xb001b9c(%rax,%rax,1)
    7fe733efe52b:	0b 
    7fe733efe52c:	be 6e ff ff ff       	mov    $0xffffff6e,%esi
    7fe733efe531:	8b 2c 24             	mov    (%rsp),%ebp
    7fe733efe534:	62 e1 ff 08 11 34 24 	vmovsd %xmm22,(%rsp)
    7fe733efe53b:	48 ff 74 24 10       	rex.W push 0x10(%rsp)
    7fe733efe540:	48 8f 44 24 08       	rex.W pop 0x8(%rsp)
    7fe733efe545:	62 e1 ff 08 11 6c 24 	vmovsd %xmm21,0x10(%rsp)
    7fe733efe54c:	02 
    7fe733efe54d:	89 54 24 30          	mov    %edx,0x30(%rsp)
    7fe733efe551:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x60(%rsp)
    7fe733efe558:	60 00 00 00 
    7fe733efe55c:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0xa0(%rsp)
    7fe733efe563:	a0 00 00 00 
    7fe733efe567:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0xe0(%rsp)
    7fe733efe56e:	e0 00 00 00 
    7fe733efe572:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x120(%rsp)
    7fe733efe579:	20 01 00 00 
    7fe733efe57d:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x160(%rsp)
    7fe733efe584:	60 01 00 00 
    7fe733efe588:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x1a0(%rsp)
    7fe733efe58f:	a0 01 00 00 
    7fe733efe593:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x1e0(%rsp)
    7fe733efe59a:	e0 01 00 00 
    7fe733efe59e:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x220(%rsp)
    7fe733efe5a5:	20 02 00 00 
    7fe733efe5a9:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x260(%rsp)
    7fe733efe5b0:	60 02 00 00 
    7fe733efe5b4:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x2a0(%rsp)
    7fe733efe5bb:	a0 02 00 00 
    7fe733efe5bf:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x2e0(%rsp)
    7fe733efe5c6:	e0 02 00 00 
    7fe733efe5ca:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x320(%rsp)
    7fe733efe5d1:	20 03 00 00 
    7fe733efe5d5:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x360(%rsp)
    7fe733efe5dc:	60 03 00 00 
    7fe733efe5e0:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x3a0(%rsp)
    7fe733efe5e7:	a0 03 00 00 
    7fe733efe5eb:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x3e0(%rsp)
    7fe733efe5f2:	e0 03 00 00 
    7fe733efe5f6:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x420(%rsp)
    7fe733efe5fd:	20 04 00 00 
    7fe733efe601:	66 66 90             	data16 xchg %ax,%ax
    7fe733efe604:	c5 f8 77             	vzeroupper
    7fe733efe607:	e8 54 2a ad ff       	call   0x7fe7339d1060
    7fe733efe60c:	0f 1f 84 00 84 1c 00 	nopl   0xc001c84(%rax,%rax,1)
    7fe733efe613:	0c 
    7fe733efe614:	49 8b eb             	mov    %r11,%rbp
    7fe733efe617:	eb 08                	jmp    0x7fe733efe621
    7fe733efe619:	49 8b eb             	mov    %r11,%rbp
    7fe733efe61c:	eb 03                	jmp    0x7fe733efe621
    7fe733efe61e:	49 8b eb             	mov    %r11,%rbp
    7fe733efe621:	be 6e ff ff ff       	mov    $0xffffff6e,%esi
    7fe733efe626:	4c 89 44 24 08       	mov    %r8,0x8(%rsp)
    7fe733efe62b:	48 89 5c 24 10       	mov    %rbx,0x10(%rsp)
    7fe733efe630:	48 89 7c 24 18       	mov    %rdi,0x18(%rsp)
    7fe733efe635:	48 89 44 24 20       	mov    %rax,0x20(%rsp)
    7fe733efe63a:	89 54 24 04          	mov    %edx,0x4(%rsp)
    7fe733efe63e:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0xa0(%rsp)
    7fe733efe645:	a0 00 00 00 
    7fe733efe649:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0xe0(%rsp)
    7fe733efe650:	e0 00 00 00 
    7fe733efe654:	48 89 4c 24 28       	mov    %rcx,0x28(%rsp)
    7fe733efe659:	66 66 90             	data16 xchg %ax,%ax
    7fe733efe65c:	c5 f8 77             	vzeroupper
    7fe733efe65f:	e8 fc 29 ad ff       	call   0x7fe7339d1060
    7fe733efe664:	0f 1f 84 00 dc 1c 00 	nopl   0xd001cdc(%rax,%rax,1)
    7fe733efe66b:	0d 
    7fe733efe66c:	49 8b eb             	mov    %r11,%rbp
    7fe733efe66f:	eb b0                	jmp    0x7fe733efe621
    7fe733efe671:	49 8b eb             	mov    %r11,%rbp
    7fe733efe674:	eb ab                	jmp    0x7fe733efe621
    7fe733efe676:	49 8b eb             	mov    %r11,%rbp
    7fe733efe679:	eb a6                	jmp    0x7fe733efe621
    7fe733efe67b:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe680:	48 8b ac 24 88 05 00 	mov    0x588(%rsp),%rbp
    7fe733efe687:	00 
    7fe733efe688:	4c 8b 9c 24 98 05 00 	mov    0x598(%rsp),%r11
    7fe733efe68f:	00 
    7fe733efe690:	4c 89 9c 24 88 05 00 	mov    %r11,0x588(%rsp)
    7fe733efe697:	00 
    7fe733efe698:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efe69f:	20 00 00 00 
    7fe733efe6a3:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efe6aa:	60 00 00 00 
    7fe733efe6ae:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efe6b5:	a0 00 00 00 
    7fe733efe6b9:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efe6c0:	e0 00 00 00 
    7fe733efe6c4:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efe6cb:	20 01 00 00 
    7fe733efe6cf:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efe6d6:	60 01 00 00 
    7fe733efe6da:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efe6e1:	a0 01 00 00 
    7fe733efe6e5:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efe6ec:	e0 01 00 00 
    7fe733efe6f0:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efe6f7:	20 02 00 00 
    7fe733efe6fb:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733efe702:	60 02 00 00 
    7fe733efe706:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733efe70d:	a0 02 00 00 
    7fe733efe711:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733efe718:	e0 02 00 00 
    7fe733efe71c:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733efe723:	20 03 00 00 
    7fe733efe727:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733efe72e:	60 03 00 00 
    7fe733efe732:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733efe739:	a0 03 00 00 
    7fe733efe73d:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733efe744:	e0 03 00 00 
    7fe733efe748:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efe74f:	00 
    7fe733efe750:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efe754:	c5 f8 77             	vzeroupper
    7fe733efe757:	e8 04 29 ad ff       	call   0x7fe7339d1060
    7fe733efe75c:	0f 1f 84 00 d4 1d 00 	nopl   0xe001dd4(%rax,%rax,1)
    7fe733efe763:	0e 
    7fe733efe764:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe769:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efe770:	00 
    7fe733efe771:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efe778:	00 
    7fe733efe779:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efe780:	20 00 00 00 
    7fe733efe784:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efe78b:	60 00 00 00 
    7fe733efe78f:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efe796:	a0 00 00 00 
    7fe733efe79a:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efe7a1:	e0 00 00 00 
    7fe733efe7a5:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efe7ac:	20 01 00 00 
    7fe733efe7b0:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efe7b7:	60 01 00 00 
    7fe733efe7bb:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efe7c2:	a0 01 00 00 
    7fe733efe7c6:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efe7cd:	e0 01 00 00 
    7fe733efe7d1:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efe7d8:	20 02 00 00 
    7fe733efe7dc:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733efe7e3:	60 02 00 00 
    7fe733efe7e7:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2a0(%rsp)
    7fe733efe7ee:	a0 02 00 00 
    7fe733efe7f2:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x2e0(%rsp)
    7fe733efe7f9:	e0 02 00 00 
    7fe733efe7fd:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x320(%rsp)
    7fe733efe804:	20 03 00 00 
    7fe733efe808:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x360(%rsp)
    7fe733efe80f:	60 03 00 00 
    7fe733efe813:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3a0(%rsp)
    7fe733efe81a:	a0 03 00 00 
    7fe733efe81e:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efe825:	00 
    7fe733efe826:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efe82d:	00 
    7fe733efe82e:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efe832:	66 90                	xchg   %ax,%ax
    7fe733efe834:	c5 f8 77             	vzeroupper
    7fe733efe837:	e8 24 28 ad ff       	call   0x7fe7339d1060
    7fe733efe83c:	0f 1f 84 00 b4 1e 00 	nopl   0xf001eb4(%rax,%rax,1)
    7fe733efe843:	0f 
    7fe733efe844:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe849:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efe850:	00 
    7fe733efe851:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efe858:	00 
    7fe733efe859:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efe860:	20 00 00 00 
    7fe733efe864:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efe86b:	60 00 00 00 
    7fe733efe86f:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efe876:	a0 00 00 00 
    7fe733efe87a:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efe881:	e0 00 00 00 
    7fe733efe885:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efe88c:	20 01 00 00 
    7fe733efe890:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efe897:	60 01 00 00 
    7fe733efe89b:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efe8a2:	a0 01 00 00 
    7fe733efe8a6:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efe8ad:	e0 01 00 00 
    7fe733efe8b1:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733efe8b8:	20 02 00 00 
    7fe733efe8bc:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x260(%rsp)
    7fe733efe8c3:	60 02 00 00 
    7fe733efe8c7:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x2a0(%rsp)
    7fe733efe8ce:	a0 02 00 00 
    7fe733efe8d2:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x2e0(%rsp)
    7fe733efe8d9:	e0 02 00 00 
    7fe733efe8dd:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x320(%rsp)
    7fe733efe8e4:	20 03 00 00 
    7fe733efe8e8:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x360(%rsp)
    7fe733efe8ef:	60 03 00 00 
    7fe733efe8f3:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efe8fa:	00 
    7fe733efe8fb:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efe902:	00 
    7fe733efe903:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efe907:	90                   	nop
    7fe733efe908:	c5 f8 77             	vzeroupper
    7fe733efe90b:	e8 50 27 ad ff       	call   0x7fe7339d1060
    7fe733efe910:	0f 1f 84 00 88 1f 00 	nopl   0x10001f88(%rax,%rax,1)
    7fe733efe917:	10 
    7fe733efe918:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe91d:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efe924:	00 
    7fe733efe925:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efe92c:	00 
    7fe733efe92d:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efe934:	20 00 00 00 
    7fe733efe938:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efe93f:	60 00 00 00 
    7fe733efe943:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efe94a:	a0 00 00 00 
    7fe733efe94e:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efe955:	e0 00 00 00 
    7fe733efe959:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efe960:	20 01 00 00 
    7fe733efe964:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efe96b:	60 01 00 00 
    7fe733efe96f:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efe976:	a0 01 00 00 
    7fe733efe97a:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733efe981:	e0 01 00 00 
    7fe733efe985:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x220(%rsp)
    7fe733efe98c:	20 02 00 00 
    7fe733efe990:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x260(%rsp)
    7fe733efe997:	60 02 00 00 
    7fe733efe99b:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x2a0(%rsp)
    7fe733efe9a2:	a0 02 00 00 
    7fe733efe9a6:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x2e0(%rsp)
    7fe733efe9ad:	e0 02 00 00 
    7fe733efe9b1:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x320(%rsp)
    7fe733efe9b8:	20 03 00 00 
    7fe733efe9bc:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efe9c3:	00 
    7fe733efe9c4:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efe9cb:	00 
    7fe733efe9cc:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efe9d0:	c5 f8 77             	vzeroupper
    7fe733efe9d3:	e8 88 26 ad ff       	call   0x7fe7339d1060
    7fe733efe9d8:	0f 1f 84 00 50 20 00 	nopl   0x11002050(%rax,%rax,1)
    7fe733efe9df:	11 
    7fe733efe9e0:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efe9e5:	48 8b ac 24 98 05 00 	mov    0x598(%rsp),%rbp
    7fe733efe9ec:	00 
    7fe733efe9ed:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efe9f4:	20 00 00 00 
    7fe733efe9f8:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efe9ff:	60 00 00 00 
    7fe733efea03:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efea0a:	a0 00 00 00 
    7fe733efea0e:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efea15:	e0 00 00 00 
    7fe733efea19:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efea20:	20 01 00 00 
    7fe733efea24:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efea2b:	60 01 00 00 
    7fe733efea2f:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733efea36:	a0 01 00 00 
    7fe733efea3a:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x1e0(%rsp)
    7fe733efea41:	e0 01 00 00 
    7fe733efea45:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x220(%rsp)
    7fe733efea4c:	20 02 00 00 
    7fe733efea50:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x260(%rsp)
    7fe733efea57:	60 02 00 00 
    7fe733efea5b:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x2a0(%rsp)
    7fe733efea62:	a0 02 00 00 
    7fe733efea66:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x2e0(%rsp)
    7fe733efea6d:	e0 02 00 00 
    7fe733efea71:	4c 89 9c 24 88 05 00 	mov    %r11,0x588(%rsp)
    7fe733efea78:	00 
    7fe733efea79:	4c 89 84 24 90 05 00 	mov    %r8,0x590(%rsp)
    7fe733efea80:	00 
    7fe733efea81:	48 89 8c 24 98 05 00 	mov    %rcx,0x598(%rsp)
    7fe733efea88:	00 
    7fe733efea89:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efea8d:	66 66 90             	data16 xchg %ax,%ax
    7fe733efea90:	c5 f8 77             	vzeroupper
    7fe733efea93:	e8 c8 25 ad ff       	call   0x7fe7339d1060
    7fe733efea98:	0f 1f 84 00 10 21 00 	nopl   0x12002110(%rax,%rax,1)
    7fe733efea9f:	12 
    7fe733efeaa0:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efeaa5:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efeaac:	00 
    7fe733efeaad:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efeab4:	00 
    7fe733efeab5:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efeabc:	20 00 00 00 
    7fe733efeac0:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efeac7:	60 00 00 00 
    7fe733efeacb:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efead2:	a0 00 00 00 
    7fe733efead6:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efeadd:	e0 00 00 00 
    7fe733efeae1:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efeae8:	20 01 00 00 
    7fe733efeaec:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efeaf3:	60 01 00 00 
    7fe733efeaf7:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x1a0(%rsp)
    7fe733efeafe:	a0 01 00 00 
    7fe733efeb02:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x1e0(%rsp)
    7fe733efeb09:	e0 01 00 00 
    7fe733efeb0d:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x220(%rsp)
    7fe733efeb14:	20 02 00 00 
    7fe733efeb18:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x260(%rsp)
    7fe733efeb1f:	60 02 00 00 
    7fe733efeb23:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x2a0(%rsp)
    7fe733efeb2a:	a0 02 00 00 
    7fe733efeb2e:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efeb35:	00 
    7fe733efeb36:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efeb3d:	00 
    7fe733efeb3e:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efeb42:	66 90                	xchg   %ax,%ax
    7fe733efeb44:	c5 f8 77             	vzeroupper
    7fe733efeb47:	e8 14 25 ad ff       	call   0x7fe7339d1060
    7fe733efeb4c:	0f 1f 84 00 c4 21 00 	nopl   0x130021c4(%rax,%rax,1)
    7fe733efeb53:	13 
    7fe733efeb54:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efeb59:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efeb60:	00 
    7fe733efeb61:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efeb68:	00 
    7fe733efeb69:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efeb70:	20 00 00 00 
    7fe733efeb74:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efeb7b:	60 00 00 00 
    7fe733efeb7f:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efeb86:	a0 00 00 00 
    7fe733efeb8a:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efeb91:	e0 00 00 00 
    7fe733efeb95:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efeb9c:	20 01 00 00 
    7fe733efeba0:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efeba7:	60 01 00 00 
    7fe733efebab:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x1a0(%rsp)
    7fe733efebb2:	a0 01 00 00 
    7fe733efebb6:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x1e0(%rsp)
    7fe733efebbd:	e0 01 00 00 
    7fe733efebc1:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x220(%rsp)
    7fe733efebc8:	20 02 00 00 
    7fe733efebcc:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x260(%rsp)
    7fe733efebd3:	60 02 00 00 
    7fe733efebd7:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efebde:	00 
    7fe733efebdf:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efebe6:	00 
    7fe733efebe7:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efebeb:	90                   	nop
    7fe733efebec:	c5 f8 77             	vzeroupper
    7fe733efebef:	e8 6c 24 ad ff       	call   0x7fe7339d1060
    7fe733efebf4:	0f 1f 84 00 6c 22 00 	nopl   0x1400226c(%rax,%rax,1)
    7fe733efebfb:	14 
    7fe733efebfc:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efec01:	48 8b ac 24 98 05 00 	mov    0x598(%rsp),%rbp
    7fe733efec08:	00 
    7fe733efec09:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efec10:	20 00 00 00 
    7fe733efec14:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efec1b:	60 00 00 00 
    7fe733efec1f:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efec26:	a0 00 00 00 
    7fe733efec2a:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efec31:	e0 00 00 00 
    7fe733efec35:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efec3c:	20 01 00 00 
    7fe733efec40:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efec47:	60 01 00 00 
    7fe733efec4b:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x1a0(%rsp)
    7fe733efec52:	a0 01 00 00 
    7fe733efec56:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x1e0(%rsp)
    7fe733efec5d:	e0 01 00 00 
    7fe733efec61:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x220(%rsp)
    7fe733efec68:	20 02 00 00 
    7fe733efec6c:	4c 89 9c 24 88 05 00 	mov    %r11,0x588(%rsp)
    7fe733efec73:	00 
    7fe733efec74:	4c 89 84 24 90 05 00 	mov    %r8,0x590(%rsp)
    7fe733efec7b:	00 
    7fe733efec7c:	48 89 8c 24 98 05 00 	mov    %rcx,0x598(%rsp)
    7fe733efec83:	00 
    7fe733efec84:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efec88:	c5 f8 77             	vzeroupper
    7fe733efec8b:	e8 d0 23 ad ff       	call   0x7fe7339d1060
    7fe733efec90:	0f 1f 84 00 08 23 00 	nopl   0x15002308(%rax,%rax,1)
    7fe733efec97:	15 
    7fe733efec98:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efec9d:	48 8b ac 24 98 05 00 	mov    0x598(%rsp),%rbp
    7fe733efeca4:	00 
    7fe733efeca5:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efecac:	20 00 00 00 
    7fe733efecb0:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733efecb7:	60 00 00 00 
    7fe733efecbb:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733efecc2:	a0 00 00 00 
    7fe733efecc6:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733efeccd:	e0 00 00 00 
    7fe733efecd1:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733efecd8:	20 01 00 00 
    7fe733efecdc:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733efece3:	60 01 00 00 
    7fe733efece7:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x1a0(%rsp)
    7fe733efecee:	a0 01 00 00 
    7fe733efecf2:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x1e0(%rsp)
    7fe733efecf9:	e0 01 00 00 
    7fe733efecfd:	4c 89 9c 24 88 05 00 	mov    %r11,0x588(%rsp)
    7fe733efed04:	00 
    7fe733efed05:	4c 89 84 24 90 05 00 	mov    %r8,0x590(%rsp)
    7fe733efed0c:	00 
    7fe733efed0d:	48 89 9c 24 98 05 00 	mov    %rbx,0x598(%rsp)
    7fe733efed14:	00 
    7fe733efed15:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efed19:	66 66 90             	data16 xchg %ax,%ax
    7fe733efed1c:	c5 f8 77             	vzeroupper
    7fe733efed1f:	e8 3c 23 ad ff       	call   0x7fe7339d1060
    7fe733efed24:	0f 1f 84 00 9c 23 00 	nopl   0x1600239c(%rax,%rax,1)
    7fe733efed2b:	16 
    7fe733efed2c:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efed31:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efed38:	00 
    7fe733efed39:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efed40:	00 
    7fe733efed41:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733efed48:	20 00 00 00 
    7fe733efed4c:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x60(%rsp)
    7fe733efed53:	60 00 00 00 
    7fe733efed57:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xa0(%rsp)
    7fe733efed5e:	a0 00 00 00 
    7fe733efed62:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0xe0(%rsp)
    7fe733efed69:	e0 00 00 00 
    7fe733efed6d:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x120(%rsp)
    7fe733efed74:	20 01 00 00 
    7fe733efed78:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x160(%rsp)
    7fe733efed7f:	60 01 00 00 
    7fe733efed83:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x1a0(%rsp)
    7fe733efed8a:	a0 01 00 00 
    7fe733efed8e:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efed95:	00 
    7fe733efed96:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efed9d:	00 
    7fe733efed9e:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efeda2:	66 90                	xchg   %ax,%ax
    7fe733efeda4:	c5 f8 77             	vzeroupper
    7fe733efeda7:	e8 b4 22 ad ff       	call   0x7fe7339d1060
    7fe733efedac:	0f 1f 84 00 24 24 00 	nopl   0x17002424(%rax,%rax,1)
    7fe733efedb3:	17 
    7fe733efedb4:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efedb9:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efedc0:	00 
    7fe733efedc1:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efedc8:	00 
    7fe733efedc9:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x20(%rsp)
    7fe733efedd0:	20 00 00 00 
    7fe733efedd4:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x60(%rsp)
    7fe733efeddb:	60 00 00 00 
    7fe733efeddf:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0xa0(%rsp)
    7fe733efede6:	a0 00 00 00 
    7fe733efedea:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0xe0(%rsp)
    7fe733efedf1:	e0 00 00 00 
    7fe733efedf5:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x120(%rsp)
    7fe733efedfc:	20 01 00 00 
    7fe733efee00:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x160(%rsp)
    7fe733efee07:	60 01 00 00 
    7fe733efee0b:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efee12:	00 
    7fe733efee13:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efee1a:	00 
    7fe733efee1b:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efee1f:	90                   	nop
    7fe733efee20:	c5 f8 77             	vzeroupper
    7fe733efee23:	e8 38 22 ad ff       	call   0x7fe7339d1060
    7fe733efee28:	0f 1f 84 00 a0 24 00 	nopl   0x180024a0(%rax,%rax,1)
    7fe733efee2f:	18 
    7fe733efee30:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efee35:	48 8b ac 24 98 05 00 	mov    0x598(%rsp),%rbp
    7fe733efee3c:	00 
    7fe733efee3d:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x20(%rsp)
    7fe733efee44:	20 00 00 00 
    7fe733efee48:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x60(%rsp)
    7fe733efee4f:	60 00 00 00 
    7fe733efee53:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0xa0(%rsp)
    7fe733efee5a:	a0 00 00 00 
    7fe733efee5e:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0xe0(%rsp)
    7fe733efee65:	e0 00 00 00 
    7fe733efee69:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x120(%rsp)
    7fe733efee70:	20 01 00 00 
    7fe733efee74:	4c 89 9c 24 88 05 00 	mov    %r11,0x588(%rsp)
    7fe733efee7b:	00 
    7fe733efee7c:	4c 89 84 24 90 05 00 	mov    %r8,0x590(%rsp)
    7fe733efee83:	00 
    7fe733efee84:	48 89 9c 24 98 05 00 	mov    %rbx,0x598(%rsp)
    7fe733efee8b:	00 
    7fe733efee8c:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efee90:	c5 f8 77             	vzeroupper
    7fe733efee93:	e8 c8 21 ad ff       	call   0x7fe7339d1060
    7fe733efee98:	0f 1f 84 00 10 25 00 	nopl   0x19002510(%rax,%rax,1)
    7fe733efee9f:	19 
    7fe733efeea0:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efeea5:	48 8b ac 24 98 05 00 	mov    0x598(%rsp),%rbp
    7fe733efeeac:	00 
    7fe733efeead:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x20(%rsp)
    7fe733efeeb4:	20 00 00 00 
    7fe733efeeb8:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x60(%rsp)
    7fe733efeebf:	60 00 00 00 
    7fe733efeec3:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0xa0(%rsp)
    7fe733efeeca:	a0 00 00 00 
    7fe733efeece:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0xe0(%rsp)
    7fe733efeed5:	e0 00 00 00 
    7fe733efeed9:	4c 89 9c 24 88 05 00 	mov    %r11,0x588(%rsp)
    7fe733efeee0:	00 
    7fe733efeee1:	4c 89 84 24 90 05 00 	mov    %r8,0x590(%rsp)
    7fe733efeee8:	00 
    7fe733efeee9:	48 89 8c 24 98 05 00 	mov    %rcx,0x598(%rsp)
    7fe733efeef0:	00 
    7fe733efeef1:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efeef5:	66 66 90             	data16 xchg %ax,%ax
    7fe733efeef8:	c5 f8 77             	vzeroupper
    7fe733efeefb:	e8 60 21 ad ff       	call   0x7fe7339d1060
    7fe733efef00:	0f 1f 84 00 78 25 00 	nopl   0x1a002578(%rax,%rax,1)
    7fe733efef07:	1a 
    7fe733efef08:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efef0d:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efef14:	00 
    7fe733efef15:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efef1c:	00 
    7fe733efef1d:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x20(%rsp)
    7fe733efef24:	20 00 00 00 
    7fe733efef28:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x60(%rsp)
    7fe733efef2f:	60 00 00 00 
    7fe733efef33:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0xa0(%rsp)
    7fe733efef3a:	a0 00 00 00 
    7fe733efef3e:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efef45:	00 
    7fe733efef46:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efef4d:	00 
    7fe733efef4e:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efef52:	66 90                	xchg   %ax,%ax
    7fe733efef54:	c5 f8 77             	vzeroupper
    7fe733efef57:	e8 04 21 ad ff       	call   0x7fe7339d1060
    7fe733efef5c:	0f 1f 84 00 d4 25 00 	nopl   0x1b0025d4(%rax,%rax,1)
    7fe733efef63:	1b 
    7fe733efef64:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efef69:	4c 8b 8c 24 98 05 00 	mov    0x598(%rsp),%r9
    7fe733efef70:	00 
    7fe733efef71:	4c 89 8c 24 80 05 00 	mov    %r9,0x580(%rsp)
    7fe733efef78:	00 
    7fe733efef79:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x20(%rsp)
    7fe733efef80:	20 00 00 00 
    7fe733efef84:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0x60(%rsp)
    7fe733efef8b:	60 00 00 00 
    7fe733efef8f:	4c 89 9c 24 90 05 00 	mov    %r11,0x590(%rsp)
    7fe733efef96:	00 
    7fe733efef97:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733efef9e:	00 
    7fe733efef9f:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733efefa3:	90                   	nop
    7fe733efefa4:	c5 f8 77             	vzeroupper
    7fe733efefa7:	e8 b4 20 ad ff       	call   0x7fe7339d1060
    7fe733efefac:	0f 1f 84 00 24 26 00 	nopl   0x1c002624(%rax,%rax,1)
    7fe733efefb3:	1c 
    7fe733efefb4:	be e4 ff ff ff       	mov    $0xffffffe4,%esi
    7fe733efefb9:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0x20(%rsp)
    7fe733efefc0:	20 00 00 00 
    7fe733efefc4:	49 8b e8             	mov    %r8,%rbp
    7fe733efefc7:	48 89 8c 24 80 05 00 	mov    %rcx,0x580(%rsp)
    7fe733efefce:	00 
    7fe733efefcf:	4c 89 94 24 88 05 00 	mov    %r10,0x588(%rsp)
    7fe733efefd6:	00 
    7fe733efefd7:	90                   	nop
    7fe733efefd8:	c5 f8 77             	vzeroupper
    7fe733efefdb:	e8 80 20 ad ff       	call   0x7fe7339d1060
    7fe733efefe0:	0f 1f 84 00 58 26 00 	nopl   0x1d002658(%rax,%rax,1)
    7fe733efefe7:	1d 
    7fe733efefe8:	be de ff ff ff       	mov    $0xffffffde,%esi
    7fe733efefed:	4c 8b 94 24 98 05 00 	mov    0x598(%rsp),%r10
    7fe733efeff4:	00 
    7fe733efeff5:	4c 89 94 24 88 05 00 	mov    %r10,0x588(%rsp)
    7fe733efeffc:	00 
    7fe733efeffd:	4c 89 8c 24 98 05 00 	mov    %r9,0x598(%rsp)
    7fe733eff004:	00 
    7fe733eff005:	4c 89 0c 24          	mov    %r9,(%rsp)
    7fe733eff009:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733eff010:	20 00 00 00 
    7fe733eff014:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733eff01b:	60 00 00 00 
    7fe733eff01f:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733eff026:	a0 00 00 00 
    7fe733eff02a:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733eff031:	e0 00 00 00 
    7fe733eff035:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733eff03c:	20 01 00 00 
    7fe733eff040:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733eff047:	60 01 00 00 
    7fe733eff04b:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733eff052:	a0 01 00 00 
    7fe733eff056:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733eff05d:	e0 01 00 00 
    7fe733eff061:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733eff068:	20 02 00 00 
    7fe733eff06c:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733eff073:	60 02 00 00 
    7fe733eff077:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733eff07e:	a0 02 00 00 
    7fe733eff082:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733eff089:	e0 02 00 00 
    7fe733eff08d:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733eff094:	20 03 00 00 
    7fe733eff098:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733eff09f:	60 03 00 00 
    7fe733eff0a3:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733eff0aa:	a0 03 00 00 
    7fe733eff0ae:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733eff0b5:	e0 03 00 00 
    7fe733eff0b9:	66 66 90             	data16 xchg %ax,%ax
    7fe733eff0bc:	c5 f8 77             	vzeroupper
    7fe733eff0bf:	e8 9c 1f ad ff       	call   0x7fe7339d1060
    7fe733eff0c4:	0f 1f 84 00 3c 27 00 	nopl   0x1e00273c(%rax,%rax,1)
    7fe733eff0cb:	1e 
    7fe733eff0cc:	be cc ff ff ff       	mov    $0xffffffcc,%esi
    7fe733eff0d1:	48 8b ac 24 88 05 00 	mov    0x588(%rsp),%rbp
    7fe733eff0d8:	00 
    7fe733eff0d9:	4c 8b 9c 24 98 05 00 	mov    0x598(%rsp),%r11
    7fe733eff0e0:	00 
    7fe733eff0e1:	4c 89 9c 24 88 05 00 	mov    %r11,0x588(%rsp)
    7fe733eff0e8:	00 
    7fe733eff0e9:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733eff0f0:	20 00 00 00 
    7fe733eff0f4:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733eff0fb:	60 00 00 00 
    7fe733eff0ff:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733eff106:	a0 00 00 00 
    7fe733eff10a:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733eff111:	e0 00 00 00 
    7fe733eff115:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733eff11c:	20 01 00 00 
    7fe733eff120:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733eff127:	60 01 00 00 
    7fe733eff12b:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733eff132:	a0 01 00 00 
    7fe733eff136:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733eff13d:	e0 01 00 00 
    7fe733eff141:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733eff148:	20 02 00 00 
    7fe733eff14c:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733eff153:	60 02 00 00 
    7fe733eff157:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733eff15e:	a0 02 00 00 
    7fe733eff162:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733eff169:	e0 02 00 00 
    7fe733eff16d:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733eff174:	20 03 00 00 
    7fe733eff178:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733eff17f:	60 03 00 00 
    7fe733eff183:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733eff18a:	a0 03 00 00 
    7fe733eff18e:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733eff195:	e0 03 00 00 
    7fe733eff199:	4c 89 84 24 98 05 00 	mov    %r8,0x598(%rsp)
    7fe733eff1a0:	00 
    7fe733eff1a1:	4c 89 14 24          	mov    %r10,(%rsp)
    7fe733eff1a5:	66 66 90             	data16 xchg %ax,%ax
    7fe733eff1a8:	c5 f8 77             	vzeroupper
    7fe733eff1ab:	e8 b0 1e ad ff       	call   0x7fe7339d1060
    7fe733eff1b0:	0f 1f 84 00 28 28 00 	nopl   0x1f002828(%rax,%rax,1)
    7fe733eff1b7:	1f 
    7fe733eff1b8:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7fe733eff1bd:	48 ff b4 24 88 05 00 	rex.W push 0x588(%rsp)
    7fe733eff1c4:	00 
    7fe733eff1c5:	48 8f 84 24 80 05 00 	rex.W pop 0x580(%rsp)
    7fe733eff1cc:	00 
    7fe733eff1cd:	4c 8b 94 24 90 05 00 	mov    0x590(%rsp),%r10
    7fe733eff1d4:	00 
    7fe733eff1d5:	4c 89 94 24 88 05 00 	mov    %r10,0x588(%rsp)
    7fe733eff1dc:	00 
    7fe733eff1dd:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733eff1e4:	20 00 00 00 
    7fe733eff1e8:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733eff1ef:	60 00 00 00 
    7fe733eff1f3:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733eff1fa:	a0 00 00 00 
    7fe733eff1fe:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733eff205:	e0 00 00 00 
    7fe733eff209:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733eff210:	20 01 00 00 
    7fe733eff214:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733eff21b:	60 01 00 00 
    7fe733eff21f:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733eff226:	a0 01 00 00 
    7fe733eff22a:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733eff231:	e0 01 00 00 
    7fe733eff235:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733eff23c:	20 02 00 00 
    7fe733eff240:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733eff247:	60 02 00 00 
    7fe733eff24b:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2a0(%rsp)
    7fe733eff252:	a0 02 00 00 
    7fe733eff256:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x2e0(%rsp)
    7fe733eff25d:	e0 02 00 00 
    7fe733eff261:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x320(%rsp)
    7fe733eff268:	20 03 00 00 
    7fe733eff26c:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x360(%rsp)
    7fe733eff273:	60 03 00 00 
    7fe733eff277:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3a0(%rsp)
    7fe733eff27e:	a0 03 00 00 
    7fe733eff282:	66 90                	xchg   %ax,%ax
    7fe733eff284:	c5 f8 77             	vzeroupper
    7fe733eff287:	e8 d4 1d ad ff       	call   0x7fe7339d1060
    7fe733eff28c:	0f 1f 84 00 04 29 00 	nopl   0x20002904(%rax,%rax,1)
    7fe733eff293:	20 
    7fe733eff294:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7fe733eff299:	48 ff b4 24 88 05 00 	rex.W push 0x588(%rsp)
    7fe733eff2a0:	00 
    7fe733eff2a1:	48 8f 84 24 80 05 00 	rex.W pop 0x580(%rsp)
    7fe733eff2a8:	00 
    7fe733eff2a9:	48 ff b4 24 90 05 00 	rex.W push 0x590(%rsp)
    7fe733eff2b0:	00 
    7fe733eff2b1:	48 8f 84 24 88 05 00 	rex.W pop 0x588(%rsp)
    7fe733eff2b8:	00 
    7fe733eff2b9:	4c 8b 94 24 98 05 00 	mov    0x598(%rsp),%r10
    7fe733eff2c0:	00 
    7fe733eff2c1:	4c 89 94 24 90 05 00 	mov    %r10,0x590(%rsp)
    7fe733eff2c8:	00 
    7fe733eff2c9:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733eff2d0:	20 00 00 00 
    7fe733eff2d4:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733eff2db:	60 00 00 00 
    7fe733eff2df:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733eff2e6:	a0 00 00 00 
    7fe733eff2ea:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733eff2f1:	e0 00 00 00 
    7fe733eff2f5:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733eff2fc:	20 01 00 00 
    7fe733eff300:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733eff307:	60 01 00 00 
    7fe733eff30b:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733eff312:	a0 01 00 00 
    7fe733eff316:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733eff31d:	e0 01 00 00 
    7fe733eff321:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733eff328:	20 02 00 00 
    7fe733eff32c:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733eff333:	60 02 00 00 
    7fe733eff337:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733eff33e:	a0 02 00 00 
    7fe733eff342:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733eff349:	e0 02 00 00 
    7fe733eff34d:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733eff354:	20 03 00 00 
    7fe733eff358:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733eff35f:	60 03 00 00 
    7fe733eff363:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733eff36a:	a0 03 00 00 
    7fe733eff36e:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733eff375:	e0 03 00 00 
    7fe733eff379:	4c 89 04 24          	mov    %r8,(%rsp)
    7fe733eff37d:	4c 89 5c 24 08       	mov    %r11,0x8(%rsp)
    7fe733eff382:	89 8c 24 9c 05 00 00 	mov    %ecx,0x59c(%rsp)
    7fe733eff389:	66 66 90             	data16 xchg %ax,%ax
    7fe733eff38c:	c5 f8 77             	vzeroupper
    7fe733eff38f:	e8 cc 1c ad ff       	call   0x7fe7339d1060
    7fe733eff394:	0f 1f 84 00 0c 2a 00 	nopl   0x21002a0c(%rax,%rax,1)
    7fe733eff39b:	21 
    7fe733eff39c:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7fe733eff3a1:	48 ff b4 24 88 05 00 	rex.W push 0x588(%rsp)
    7fe733eff3a8:	00 
    7fe733eff3a9:	48 8f 84 24 80 05 00 	rex.W pop 0x580(%rsp)
    7fe733eff3b0:	00 
    7fe733eff3b1:	48 ff b4 24 90 05 00 	rex.W push 0x590(%rsp)
    7fe733eff3b8:	00 
    7fe733eff3b9:	48 8f 84 24 88 05 00 	rex.W pop 0x588(%rsp)
    7fe733eff3c0:	00 
    7fe733eff3c1:	4c 8b 94 24 98 05 00 	mov    0x598(%rsp),%r10
    7fe733eff3c8:	00 
    7fe733eff3c9:	4c 89 94 24 90 05 00 	mov    %r10,0x590(%rsp)
    7fe733eff3d0:	00 
    7fe733eff3d1:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733eff3d8:	20 00 00 00 
    7fe733eff3dc:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733eff3e3:	60 00 00 00 
    7fe733eff3e7:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733eff3ee:	a0 00 00 00 
    7fe733eff3f2:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733eff3f9:	e0 00 00 00 
    7fe733eff3fd:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733eff404:	20 01 00 00 
    7fe733eff408:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733eff40f:	60 01 00 00 
    7fe733eff413:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733eff41a:	a0 01 00 00 
    7fe733eff41e:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733eff425:	e0 01 00 00 
    7fe733eff429:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733eff430:	20 02 00 00 
    7fe733eff434:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733eff43b:	60 02 00 00 
    7fe733eff43f:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733eff446:	a0 02 00 00 
    7fe733eff44a:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733eff451:	e0 02 00 00 
    7fe733eff455:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733eff45c:	20 03 00 00 
    7fe733eff460:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733eff467:	60 03 00 00 
    7fe733eff46b:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733eff472:	a0 03 00 00 
    7fe733eff476:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733eff47d:	e0 03 00 00 
    7fe733eff481:	89 8c 24 98 05 00 00 	mov    %ecx,0x598(%rsp)
    7fe733eff488:	4c 89 04 24          	mov    %r8,(%rsp)
    7fe733eff48c:	4c 89 5c 24 08       	mov    %r11,0x8(%rsp)
    7fe733eff491:	66 66 90             	data16 xchg %ax,%ax
    7fe733eff494:	c5 f8 77             	vzeroupper
    7fe733eff497:	e8 c4 1b ad ff       	call   0x7fe7339d1060
    7fe733eff49c:	0f 1f 84 00 14 2b 00 	nopl   0x22002b14(%rax,%rax,1)
    7fe733eff4a3:	22 
    7fe733eff4a4:	be f6 ff ff ff       	mov    $0xfffffff6,%esi
    7fe733eff4a9:	66 66 90             	data16 xchg %ax,%ax
    7fe733eff4ac:	c5 f8 77             	vzeroupper
    7fe733eff4af:	e8 ac 1b ad ff       	call   0x7fe7339d1060
    7fe733eff4b4:	0f 1f 84 00 2c 2b 00 	nopl   0x23002b2c(%rax,%rax,1)
    7fe733eff4bb:	23 
    7fe733eff4bc:	be f6 ff ff ff       	mov    $0xfffffff6,%esi
    7fe733eff4c1:	48 8b ac 24 88 05 00 	mov    0x588(%rsp),%rbp
    7fe733eff4c8:	00 
    7fe733eff4c9:	48 ff b4 24 90 05 00 	rex.W push 0x590(%rsp)
    7fe733eff4d0:	00 
    7fe733eff4d1:	48 8f 84 24 80 05 00 	rex.W pop 0x580(%rsp)
    7fe733eff4d8:	00 
    7fe733eff4d9:	4c 8b 94 24 98 05 00 	mov    0x598(%rsp),%r10
    7fe733eff4e0:	00 
    7fe733eff4e1:	4c 89 94 24 88 05 00 	mov    %r10,0x588(%rsp)
    7fe733eff4e8:	00 
    7fe733eff4e9:	62 f1 fe 48 7f ac 24 	vmovdqu64 %zmm5,0x20(%rsp)
    7fe733eff4f0:	20 00 00 00 
    7fe733eff4f4:	62 f1 fe 48 7f b4 24 	vmovdqu64 %zmm6,0x60(%rsp)
    7fe733eff4fb:	60 00 00 00 
    7fe733eff4ff:	62 71 fe 48 7f 84 24 	vmovdqu64 %zmm8,0xa0(%rsp)
    7fe733eff506:	a0 00 00 00 
    7fe733eff50a:	62 71 fe 48 7f 9c 24 	vmovdqu64 %zmm11,0xe0(%rsp)
    7fe733eff511:	e0 00 00 00 
    7fe733eff515:	62 71 fe 48 7f bc 24 	vmovdqu64 %zmm15,0x120(%rsp)
    7fe733eff51c:	20 01 00 00 
    7fe733eff520:	62 e1 fe 48 7f 9c 24 	vmovdqu64 %zmm19,0x160(%rsp)
    7fe733eff527:	60 01 00 00 
    7fe733eff52b:	62 71 fe 48 7f a4 24 	vmovdqu64 %zmm12,0x1a0(%rsp)
    7fe733eff532:	a0 01 00 00 
    7fe733eff536:	62 71 fe 48 7f ac 24 	vmovdqu64 %zmm13,0x1e0(%rsp)
    7fe733eff53d:	e0 01 00 00 
    7fe733eff541:	62 71 fe 48 7f b4 24 	vmovdqu64 %zmm14,0x220(%rsp)
    7fe733eff548:	20 02 00 00 
    7fe733eff54c:	62 e1 fe 48 7f 84 24 	vmovdqu64 %zmm16,0x260(%rsp)
    7fe733eff553:	60 02 00 00 
    7fe733eff557:	62 e1 fe 48 7f 94 24 	vmovdqu64 %zmm18,0x2a0(%rsp)
    7fe733eff55e:	a0 02 00 00 
    7fe733eff562:	62 e1 fe 48 7f 8c 24 	vmovdqu64 %zmm17,0x2e0(%rsp)
    7fe733eff569:	e0 02 00 00 
    7fe733eff56d:	62 f1 fe 48 7f a4 24 	vmovdqu64 %zmm4,0x320(%rsp)
    7fe733eff574:	20 03 00 00 
    7fe733eff578:	62 f1 fe 48 7f bc 24 	vmovdqu64 %zmm7,0x360(%rsp)
    7fe733eff57f:	60 03 00 00 
    7fe733eff583:	62 71 fe 48 7f 8c 24 	vmovdqu64 %zmm9,0x3a0(%rsp)
    7fe733eff58a:	a0 03 00 00 
    7fe733eff58e:	62 71 fe 48 7f 94 24 	vmovdqu64 %zmm10,0x3e0(%rsp)
    7fe733eff595:	e0 03 00 00 
    7fe733eff599:	4c 89 84 24 90 05 00 	mov    %r8,0x590(%rsp)
    7fe733eff5a0:	00 
    7fe733eff5a1:	4c 89 9c 24 98 05 00 	mov    %r11,0x598(%rsp)
    7fe733eff5a8:	00 
    7fe733eff5a9:	66 66 90             	data16 xchg %ax,%ax
    7fe733eff5ac:	c5 f8 77             	vzeroupper
    7fe733eff5af:	e8 ac 1a ad ff       	call   0x7fe7339d1060
    7fe733eff5b4:	0f 1f 84 00 2c 2c 00 	nopl   0x24002c2c(%rax,%rax,1)
    7fe733eff5bb:	24 
    7fe733eff5bc:	49 ba 40 dc ef 33 e7 	movabs $0x7fe733efdc40,%r10
    7fe733eff5c3:	7f 00 00 
    7fe733eff5c6:	4d 89 97 38 05 00 00 	mov    %r10,0x538(%r15)
    7fe733eff5cd:	e9 8e a5 a8 ff       	jmp    0x7fe733989b60
    7fe733eff5d2:	e8 e9 0f a7 ff       	call   0x7fe7339705c0
    7fe733eff5d7:	e9 d2 d4 ff ff       	jmp    0x7fe733efcaae
    7fe733eff5dc:	f4                   	hlt
    7fe733eff5dd:	f4                   	hlt
    7fe733eff5de:	f4                   	hlt
    7fe733eff5df:	f4                   	hlt
    7fe733eff5e0:	e9 7b 1d ad ff       	jmp    0x7fe7339d1360
    7fe733eff5e5:	e8 00 00 00 00       	call   0x7fe733eff5ea
    7fe733eff5ea:	48 83 2c 24 05       	subq   $0x5,(%rsp)
    7fe733eff5ef:	e9 ec 8c a8 ff       	jmp    0x7fe7339882e0
    7fe733eff5f4:	f4                   	hlt
    7fe733eff5f5:	f4                   	hlt
    7fe733eff5f6:	f4                   	hlt
    7fe733eff5f7:	f4                   	hlt
