// A module proxy for tests: serves modules written as txtar files (cmd/go's
// testdata/mod format) over HTTP on 127.0.0.1, or writes them out as a file:// tree.
#pragma once

#include <atomic>
#include <cstdint>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pkg/base/txtar.h"

namespace gotool::scripttest {

// TestProxy serves the modules of a directory of "<path>_<version>.txt[ar]" files: the
// module path with '/' written '_' (and upper case escaped as "!x"), each archive's
// "-- .mod --" and "-- .info --" files serving .mod and .info, and every other file
// going into the zip as "<path>@<version>/<name>" (or as "<name>" for "/<name>").
//
// Under http://127.0.0.1:PORT the URL prefix picks a behaviour:
//   /mod/...      the proxy protocol as cmd/go's test proxy answers it (its @latest
//                 picks the lowest release, a quirk tests rely on);
//   /fail500/...  500 Internal Server Error with a text/plain body;
//   /hang/...     accepts the request and never answers (until Stop);
//   /corrupt/...  as /mod/, but every .zip is truncated to half its size;
//   /auth/...     as /mod/ for Basic credentials gopher:s3cret, else 401;
//   /flaky/...    503 Service Unavailable the first time a path is asked for, then
//                 as /mod/.
// The same prefixes also work below /mod ("/mod/fail500/..."), so that a script
// reaches them as $GOPROXY/fail500.
class TestProxy {
 public:
  TestProxy() = default;
  TestProxy(const TestProxy&) = delete;
  TestProxy& operator=(const TestProxy&) = delete;
  ~TestProxy() { Stop(); }

  // Load reads the module archives of dir; it returns an error message or "".
  std::string Load(const std::string& dir);
  // Start listens on an ephemeral port of 127.0.0.1 and serves on a thread; it
  // returns an error message or "".
  std::string Start();
  // Stop closes the listener, wakes hanging requests and joins all threads.
  void Stop();

  // URL returns the base URL of the proxy protocol ("http://127.0.0.1:PORT/mod").
  std::string URL() const { return "http://127.0.0.1:" + std::to_string(port_) + "/mod"; }
  // Root returns "http://127.0.0.1:PORT" for the other prefixes.
  std::string Root() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // WriteTree writes the file:// form of the proxy into dir (<esc path>/@v/list,
  // .info, .mod, .zip and <esc path>/@latest); it returns an error message or "".
  std::string WriteTree(const std::string& dir) const;

  // Requests returns the request paths served so far, in order.
  std::vector<std::string> Requests() const;

  // Module is one loaded archive.
  struct Module {
    std::string path;
    std::string version;
    std::string file;  // the archive file
  };
  const std::vector<Module>& modules() const { return modules_; }

  // Respond answers the request path (without query) as the proxy does: it sets the
  // status code, content type and body; hang is set for /hang/.
  void Respond(const std::string& path, int* status, std::string* type, std::string* body,
               bool* hang) const;

 private:
  // Archive is a module archive as last read: parsed, with its zip once built. It is
  // read again when the file changes (size or mtime), so tests may rewrite archives.
  struct Archive {
    std::int64_t size = -1;
    std::timespec mtime{};
    std::vector<base::TxtarFile> files;
    std::string zip;
    bool zip_built = false;
  };

  void Serve();
  void Handle(int fd);
  bool HandleOne(int fd, const std::string& req);
  std::shared_ptr<const Archive> Read(const Module& m, bool want_zip, std::string* error) const;
  std::string ModuleFile(const std::string& path, const std::string& version,
                         const std::string& name, bool* found, std::string* error) const;
  const Module* Find(const std::string& path, const std::string& version) const;
  std::string Latest(const std::string& path) const;

  std::vector<Module> modules_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread accept_thread_;
  mutable std::mutex mu_;
  std::vector<std::thread> workers_;
  std::vector<std::string> requests_;
  std::set<std::string> flaky_seen_;
  mutable std::mutex archives_mu_;
  mutable std::map<std::string, std::shared_ptr<const Archive>> archives_;  // by file
};

}  // namespace gotool::scripttest
