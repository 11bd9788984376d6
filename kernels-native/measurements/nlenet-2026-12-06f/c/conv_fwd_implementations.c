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
int main(int argc, char**argv){
  int N = argc>1?atoi(argv[1]):64; int dotrash = argc>2?atoi(argv[2]):0; int K = argc>3?atoi(argv[3]):6; int C = argc>4?atoi(argv[4]):1; int H = argc>5?atoi(argv[5]):28; int P = argc>6?atoi(argv[6]):2; int R = 5; int OH = H + 2*P - R + 1;
  junk = calloc(junkn,4);
  CHECK(dnnl_engine_create(&eng,dnnl_cpu,0)); CHECK(dnnl_stream_create(&strm,eng,dnnl_stream_default_flags));
  dnnl_dims_t s={N,C,H,H}, w={K,C,R,R}, b={K}, d={N,K,OH,OH}, st={1,1}, dl={0,0}, pl={P,P}, pr={P,P};
  dnnl_format_tag_t stags[]={dnnl_nhwc,dnnl_nchw,dnnl_format_tag_any}; const char*sn[]={"nhwc","nchw","any"};
  dnnl_format_tag_t dtags[]={dnnl_nhwc,dnnl_format_tag_any}; const char*dn[]={"nhwc","any"};
  dnnl_primitive_attr_t attr; CHECK(dnnl_primitive_attr_create(&attr));
  dnnl_post_ops_t ops; CHECK(dnnl_post_ops_create(&ops)); CHECK(dnnl_post_ops_append_eltwise(ops,dnnl_eltwise_relu,0,0)); CHECK(dnnl_primitive_attr_set_post_ops(attr,ops));
  for(int si=0;si<1;si++) for(int di=0;di<1;di++){
    dnnl_memory_desc_t smd=md(4,s,stags[si]), wmd=md(4,w,dnnl_format_tag_any), bmd=md(1,b,dnnl_a), dmd=md(4,d,dtags[di]);
    dnnl_primitive_desc_t pd; if(dnnl_convolution_forward_primitive_desc_create(&pd,eng,dnnl_forward_training,dnnl_convolution_direct,smd,wmd,bmd,dmd,st,dl,pl,pr,attr)!=dnnl_success){printf("src %s dst %s: none\n",sn[si],dn[di]);continue;}
    int idx=0;
    do {
      const char*impl; dnnl_primitive_desc_query(pd,dnnl_query_impl_info_str,0,&impl);
      const_dnnl_memory_desc_t sm=dnnl_primitive_desc_query_md(pd,dnnl_query_src_md,0), dm=dnnl_primitive_desc_query_md(pd,dnnl_query_dst_md,0), wm=dnnl_primitive_desc_query_md(pd,dnnl_query_weights_md,0);
      dnnl_memory_t S=mem(sm),W=mem(wm),B=mem(bmd),D=mem(dm);
      dnnl_primitive_t p; CHECK(dnnl_primitive_create(&p,pd));
      dnnl_exec_arg_t a[4]={{DNNL_ARG_SRC,S},{DNNL_ARG_WEIGHTS,W},{DNNL_ARG_BIAS,B},{DNNL_ARG_DST,D}};
      for(int i=0;i<20;i++){CHECK(dnnl_primitive_execute(p,strm,4,a));} dnnl_stream_wait(strm);
      double best=1e9, tot=0; int it=60;
      double per[60];
      for(int i=0;i<it;i++){ if(dotrash) flush(); double t0=now_ms(); CHECK(dnnl_primitive_execute(p,strm,4,a)); dnnl_stream_wait(strm); per[i]=now_ms()-t0; }
      for(int i=0;i<it;i++) for(int j=i+1;j<it;j++) if(per[j]<per[i]){double t=per[i];per[i]=per[j];per[j]=t;}
      int dst_is_nhwc = dnnl_memory_desc_equal(dm, md(4,d,dnnl_nhwc)); int src_nhwc = dnnl_memory_desc_equal(sm, md(4,s,dnnl_nhwc));
      printf("src %-4s dst %-4s #%d %-28s med %.4f min %.4f  (src=nhwc bytes:%d dst nhwc:%d)\n",sn[si],dn[di],idx,impl,per[it/2],per[0],src_nhwc,dst_is_nhwc);
      dnnl_primitive_destroy(p); idx++;
    } while (dnnl_primitive_desc_next_impl(pd)==dnnl_success && idx<8);
  }
  return 0;
}
