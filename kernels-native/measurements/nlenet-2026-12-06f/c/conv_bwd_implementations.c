#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "oneapi/dnnl/dnnl.h"
#define CHECK(f) do { dnnl_status_t s_ = (f); if (s_ != dnnl_success) { fprintf(stderr, "%d: %s: %d\n", __LINE__, #f, (int)s_); exit(2);} } while (0)
static double now_ms(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1e3+t.tv_nsec*1e-6;}
static dnnl_engine_t eng; static dnnl_stream_t strm;
static dnnl_memory_desc_t md(int nd, const dnnl_dim_t *d, dnnl_format_tag_t tag){dnnl_memory_desc_t m;CHECK(dnnl_memory_desc_create_with_tag(&m,nd,d,dnnl_f32,tag));return m;}
static dnnl_memory_t mem(const_dnnl_memory_desc_t m){dnnl_memory_t x;CHECK(dnnl_memory_create(&x,m,eng,DNNL_MEMORY_ALLOCATE));float*p;dnnl_memory_get_data_handle(x,(void**)&p);size_t n=dnnl_memory_desc_get_size(m)/4;for(size_t i=0;i<n;i++)p[i]=(float)((i*2654435761u)%1000)/1000.f-0.5f;return x;}
static float *junk; static size_t junkn = 8u<<20;
static void flush(void){ for(size_t i=0;i<junkn;i+=16) junk[i]+=1.0f; }
static void timeit(dnnl_primitive_desc_t pd, int kind, const char *label){
  int idx=0;
  do {
    const char*impl; dnnl_primitive_desc_query(pd,dnnl_query_impl_info_str,0,&impl);
    if (strncmp(impl,"ref",3)==0) { idx++; continue; }
    dnnl_exec_arg_t a[5]; int n=0;
    int args_d[]={DNNL_ARG_DIFF_DST,DNNL_ARG_WEIGHTS,DNNL_ARG_DIFF_SRC};
    int args_w[]={DNNL_ARG_SRC,DNNL_ARG_DIFF_DST,DNNL_ARG_DIFF_WEIGHTS,DNNL_ARG_DIFF_BIAS};
    int *args = kind? args_w: args_d; int na = kind?4:3;
    for(int i=0;i<na;i++){ a[n].arg=args[i]; a[n].memory=mem(dnnl_primitive_desc_query_md(pd,dnnl_query_exec_arg_md,args[i])); n++; }
    const_dnnl_memory_desc_t sp=dnnl_primitive_desc_query_md(pd,dnnl_query_scratchpad_md,0);
    if (sp && dnnl_memory_desc_get_size(sp)>0){a[n].arg=DNNL_ARG_SCRATCHPAD;a[n].memory=mem(sp);n++;}
    dnnl_primitive_t p; CHECK(dnnl_primitive_create(&p,pd));
    for(int i=0;i<10;i++) CHECK(dnnl_primitive_execute(p,strm,n,a)); dnnl_stream_wait(strm);
    double per[60]; int it=60;
    for(int i=0;i<it;i++){ flush(); double t0=now_ms(); CHECK(dnnl_primitive_execute(p,strm,n,a)); dnnl_stream_wait(strm); per[i]=now_ms()-t0; }
    for(int i=0;i<it;i++) for(int j=i+1;j<it;j++) if(per[j]<per[i]){double t=per[i];per[i]=per[j];per[j]=t;}
    printf("%s #%d %-28s med %.4f min %.4f\n",label,idx,impl,per[it/2],per[0]);
    dnnl_primitive_destroy(p); idx++;
  } while (dnnl_primitive_desc_next_impl(pd)==dnnl_success && idx<8);
}
int main(int argc, char**argv){
  int N=64,K=atoi(argv[1]),C=atoi(argv[2]),H=atoi(argv[3]),P=atoi(argv[4]),R=5,OH=H+2*P-R+1;
  junk = calloc(junkn,4);
  CHECK(dnnl_engine_create(&eng,dnnl_cpu,0)); CHECK(dnnl_stream_create(&strm,eng,dnnl_stream_default_flags));
  dnnl_dims_t s={N,C,H,H}, w={K,C,R,R}, b={K}, d={N,K,OH,OH}, st={1,1}, dl={0,0}, pl={P,P}, pr={P,P};
  dnnl_format_tag_t tags[]={dnnl_nhwc,dnnl_format_tag_any}; const char*tn[]={"nhwc","any"};
  for(int t=0;t<2;t++){
    dnnl_memory_desc_t smd=md(4,s,tags[t]), wmd=md(4,w,dnnl_format_tag_any), bmd=md(1,b,dnnl_a), dmd=md(4,d,tags[t]);
    dnnl_primitive_desc_t fpd; CHECK(dnnl_convolution_forward_primitive_desc_create(&fpd,eng,dnnl_forward_training,dnnl_convolution_direct,smd,wmd,bmd,dmd,st,dl,pl,pr,NULL));
    dnnl_primitive_desc_t dpd; CHECK(dnnl_convolution_backward_data_primitive_desc_create(&dpd,eng,dnnl_convolution_direct,smd,wmd,dmd,st,dl,pl,pr,fpd,NULL));
    char l[64]; snprintf(l,64,"bwd_d act=%s",tn[t]); timeit(dpd,0,l);
    dnnl_primitive_desc_t wpd; CHECK(dnnl_convolution_backward_weights_primitive_desc_create(&wpd,eng,dnnl_convolution_direct,smd,wmd,bmd,dmd,st,dl,pl,pr,fpd,NULL));
    snprintf(l,64,"bwd_w act=%s",tn[t]); timeit(wpd,1,l);
  }
  return 0;
}
