// testproxy_server: serves a directory of txtar modules (cmd/go's testdata/mod
// format) as a GOPROXY on 127.0.0.1 for shell scripts (conformance, benchmarks).
// It prints the proxy URL on one line, then serves until SIGINT or SIGTERM.
#include <signal.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "pkg/scripttest/proxy.h"

namespace {

int Usage() {
  std::fprintf(stderr, "usage: testproxy_server DIR\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || std::strncmp(argv[1], "-", 1) == 0) return Usage();
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  // Block the signals before the serving threads start, so only sigwait sees them.
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);
  gotool::scripttest::TestProxy proxy;
  if (std::string err = proxy.Load(argv[1]); !err.empty()) {
    std::fprintf(stderr, "testproxy_server: %s\n", err.c_str());
    return 1;
  }
  if (std::string err = proxy.Start(); !err.empty()) {
    std::fprintf(stderr, "testproxy_server: %s\n", err.c_str());
    return 1;
  }
  std::printf("%s\n", proxy.URL().c_str());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  proxy.Stop();
  return 0;
}
