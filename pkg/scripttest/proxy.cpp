// The test module proxy: archives loaded from a directory, a blocking HTTP/1.1 server
// on 127.0.0.1 with one thread per (keep-alive) connection, zips built with libzip
// on first demand and kept while their archive is unchanged.
#include "pkg/scripttest/proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "modcache/module.h"
#include "modcache/pseudo.h"
#include "modcache/semver.h"
#include "pkg/base/txtar.h"

namespace gotool::scripttest {
namespace {

// PercentDecode decodes %XX escapes in a request path, as Go's net/http does.
std::string PercentDecode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

namespace fs = std::filesystem;
namespace module = modcache::module;
namespace semver = modcache::semver;

std::string ReadAll(const std::string& file, bool* ok) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  *ok = static_cast<bool>(in) || in.eof();
  return ss.str();
}

bool WriteAll(const std::string& file, const std::string& data) {
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << data;
  return static_cast<bool>(out.flush());
}

// BuildZip writes files (name, data) into an in-memory zip with fixed timestamps.
std::string BuildZip(const std::vector<std::pair<std::string, std::string>>& files,
                     std::string* error) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &zerr);
  zip_t* za = src == nullptr ? nullptr : zip_open_from_source(src, ZIP_TRUNCATE, &zerr);
  if (za == nullptr) {
    *error = "zip: cannot create archive";
    if (src != nullptr) zip_source_free(src);
    return "";
  }
  zip_source_keep(src);
  for (const auto& [name, data] : files) {
    zip_source_t* fsrc = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_int64_t idx = fsrc == nullptr ? -1 : zip_file_add(za, name.c_str(), fsrc, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      if (fsrc != nullptr) zip_source_free(fsrc);
      *error = "zip: cannot add " + name;
      zip_discard(za);
      zip_source_free(src);
      return "";
    }
    zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), 1514764800, 0);  // 2018-01-01
  }
  if (zip_close(za) != 0) {
    *error = "zip: cannot write archive";
    zip_discard(za);
    zip_source_free(src);
    return "";
  }
  std::string out;
  if (zip_source_open(src) == 0) {
    char buf[65536];
    for (zip_int64_t n; (n = zip_source_read(src, buf, sizeof buf)) > 0;)
      out.append(buf, static_cast<std::size_t>(n));
    zip_source_close(src);
  }
  zip_source_free(src);
  return out;
}

std::string Escape(const std::string& s, bool version) {
  std::string err;
  return version ? module::EscapeVersion(s, &err) : module::EscapePath(s, &err);
}

}  // namespace

std::string TestProxy::Load(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) names.push_back(entry.path().filename());
  if (ec) return "reading " + dir + ": " + ec.message();
  std::sort(names.begin(), names.end());
  for (std::string name : names) {
    std::string file = dir + "/" + name;
    if (name.ends_with(".txtar"))
      name.resize(name.size() - 6);
    else if (name.ends_with(".txt"))
      name.resize(name.size() - 4);
    else
      continue;
    std::size_t i = name.rfind("_v");
    if (i == std::string::npos) continue;
    std::string enc_path = name.substr(0, i);
    std::replace(enc_path.begin(), enc_path.end(), '_', '/');
    std::string err;
    std::string path = module::UnescapePath(enc_path, &err);
    if (!err.empty()) continue;
    std::string version = module::UnescapeVersion(name.substr(i + 1), &err);
    if (!err.empty()) continue;
    modules_.push_back({path, version, file});
  }
  return "";
}

const TestProxy::Module* TestProxy::Find(const std::string& path, const std::string& version) const {
  for (const Module& m : modules_)
    if (m.path == path && m.version == version) return &m;
  return nullptr;
}

std::string TestProxy::Latest(const std::string& path) const {
  // As cmd/go's test proxy: release, else prerelease, else pseudo-version; within
  // each, the comparison keeps the *lowest* version (its quirk, kept on purpose).
  std::string release, prerelease, pseudo;
  for (const Module& m : modules_) {
    if (m.path != path) continue;
    const std::string& v = m.version;
    if (module::IsPseudoVersion(v)) {
      if (pseudo.empty() || semver::Compare(pseudo, v) > 0) pseudo = v;
    } else if (!semver::Prerelease(v).empty()) {
      if (prerelease.empty() || semver::Compare(prerelease, v) > 0) prerelease = v;
    } else if (release.empty() || semver::Compare(release, v) > 0) {
      release = v;
    }
  }
  return !release.empty() ? release : !prerelease.empty() ? prerelease : pseudo;
}

std::shared_ptr<const TestProxy::Archive> TestProxy::Read(const Module& m, bool want_zip,
                                                          std::string* error) const {
  struct stat st;
  if (::stat(m.file.c_str(), &st) != 0) {
    *error = "cannot load archive";
    return nullptr;
  }
  std::shared_ptr<const Archive> old;
  {
    std::lock_guard<std::mutex> lock(archives_mu_);
    auto it = archives_.find(m.file);
    if (it != archives_.end()) old = it->second;
  }
  bool same = old && old->size == st.st_size && old->mtime.tv_sec == st.st_mtim.tv_sec &&
              old->mtime.tv_nsec == st.st_mtim.tv_nsec;
  if (same && (old->zip_built || !want_zip)) return old;
  // Parse (when the file changed) and build the zip outside the lock; two requests
  // racing here build the same bytes, and the last one stored wins.
  auto a = std::make_shared<Archive>();
  if (same) {
    *a = *old;
  } else {
    bool ok = false;
    std::string text = ReadAll(m.file, &ok);
    if (!ok) {
      *error = "cannot load archive";
      return nullptr;
    }
    a->size = st.st_size;
    a->mtime = st.st_mtim;
    for (base::TxtarFile& f : base::ParseTxtar(text).files) a->files.push_back(std::move(f));
  }
  if (want_zip) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const base::TxtarFile& f : a->files) {
      if (f.name == ".info" || f.name == ".mod" || f.name == ".zip") continue;
      std::string name = f.name.starts_with("/") ? f.name.substr(1)
                                                 : m.path + "@" + m.version + "/" + f.name;
      files.emplace_back(name, f.data);
    }
    a->zip = BuildZip(files, error);
    if (!error->empty()) return nullptr;
    a->zip_built = true;
  }
  std::lock_guard<std::mutex> lock(archives_mu_);
  archives_[m.file] = a;
  return a;
}

std::string TestProxy::ModuleFile(const std::string& path, const std::string& version,
                                  const std::string& name, bool* found, std::string* error) const {
  *found = false;
  const Module* m = Find(path, version);
  if (m == nullptr) return "";
  std::shared_ptr<const Archive> a = Read(*m, name == ".zip", error);
  if (!a) return "";
  if (name == ".zip") {
    *found = true;
    return a->zip;
  }
  for (const base::TxtarFile& f : a->files) {
    if (f.name == name) {
      *found = true;
      return f.data;
    }
  }
  return "";
}

void TestProxy::Respond(const std::string& url_path, int* status, std::string* type,
                        std::string* body, bool* hang) const {
  *status = 404;
  *type = "text/plain; charset=utf-8";
  *body = "404 page not found\n";
  *hang = false;
  std::string path = url_path;
  bool corrupt = false;
  if (path.starts_with("/hang/")) {
    *hang = true;
    return;
  }
  if (path.starts_with("/fail500/")) {
    *status = 500;
    *body = "injected failure\n";
    return;
  }
  if (path.starts_with("/corrupt/")) {
    corrupt = true;
    path = "/mod/" + path.substr(9);
  }
  if (!path.starts_with("/mod/")) return;
  path = path.substr(5);
  std::string err;
  if (std::size_t i = path.rfind("/@latest"); i != std::string::npos && i + 8 == path.size()) {
    std::string mod = module::UnescapePath(path.substr(0, i), &err);
    if (!err.empty()) return;
    std::string latest = Latest(mod);
    if (latest.empty()) return;
    path = path.substr(0, i) + "/@v/" + Escape(latest, true) + ".info";
  }
  std::size_t at = path.find("/@v/");
  if (at == std::string::npos) return;
  std::string mod = module::UnescapePath(path.substr(0, at), &err);
  if (!err.empty()) return;
  std::string file = path.substr(at + 4);
  if (file == "list") {
    bool found = false;
    std::string list;
    for (const Module& m : modules_) {
      if (m.path != mod) continue;
      found = true;
      if (!module::IsPseudoVersion(m.version) && semver::IsValid(m.version)) list += m.version + "\n";
    }
    if (!found) return;
    *status = 200;
    *body = list;
    return;
  }
  std::size_t dot = file.rfind('.');
  if (dot == std::string::npos) return;
  std::string version = module::UnescapeVersion(file.substr(0, dot), &err);
  std::string ext = file.substr(dot);
  if (!err.empty() || (ext != ".info" && ext != ".mod" && ext != ".zip")) return;
  bool found = false;
  std::string data = ModuleFile(mod, version, ext, &found, &err);
  if (!err.empty()) {
    *status = 500;
    *body = err + "\n";
    return;
  }
  if (!found) return;
  if (corrupt && ext == ".zip") data.resize(data.size() / 2);
  *status = 200;
  *type = ext == ".zip" ? "application/zip" : "text/plain; charset=UTF-8";
  *body = std::move(data);
}

std::string TestProxy::WriteTree(const std::string& dir) const {
  std::vector<std::string> paths;
  for (const Module& m : modules_) {
    if (std::find(paths.begin(), paths.end(), m.path) == paths.end()) paths.push_back(m.path);
    std::string base = dir + "/" + Escape(m.path, false) + "/@v/" + Escape(m.version, true);
    for (const char* ext : {".info", ".mod", ".zip"}) {
      int status = 0;
      bool hang = false;
      std::string type, body;
      Respond("/mod/" + Escape(m.path, false) + "/@v/" + Escape(m.version, true) + ext, &status,
              &type, &body, &hang);
      if (status == 200 && !WriteAll(base + ext, body)) return "writing " + base + ext;
    }
  }
  for (const std::string& p : paths) {
    for (const char* req : {"/@v/list", "/@latest"}) {
      int status = 0;
      bool hang = false;
      std::string type, body;
      Respond("/mod/" + Escape(p, false) + req, &status, &type, &body, &hang);
      std::string file = dir + "/" + Escape(p, false) + req;
      if (status == 200 && !WriteAll(file, body)) return "writing " + file;
    }
  }
  return "";
}

std::string TestProxy::Start() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) return "socket failed";
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 64) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(listen_fd_);
    listen_fd_ = -1;
    return "cannot listen on 127.0.0.1";
  }
  port_ = ntohs(addr.sin_port);
  accept_thread_ = std::thread([this] { Serve(); });
  return "";
}

void TestProxy::Serve() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mu_);
    workers_.emplace_back([this, fd] { Handle(fd); });
  }
}

namespace {

// WantsClose reports whether the request head asks to close the connection after
// the response: "Connection: close", or HTTP/1.0 without keep-alive.
bool WantsClose(const std::string& head) {
  std::string lower = head;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t eol = lower.find("\r\n");
  bool http10 = lower.substr(0, eol).ends_with("http/1.0");
  if (lower.find("\r\nconnection: close") != std::string::npos) return true;
  return http10 && lower.find("\r\nconnection: keep-alive") == std::string::npos;
}

}  // namespace

// Handle serves the requests of one connection: HTTP/1.1 keeps it open between
// requests, as clients' connection pools expect (a new connection per request would
// make both tools under test pay for the proxy's accept and thread start each time).
void TestProxy::Handle(int fd) {
  std::string buffered;
  char buf[4096];
  for (;;) {
    std::size_t end;
    while ((end = buffered.find("\r\n\r\n")) == std::string::npos && buffered.size() < 65536 &&
           !stopping_) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n <= 0) break;
      buffered.append(buf, static_cast<std::size_t>(n));
    }
    if (end == std::string::npos) break;  // closed, stopped, or no request
    std::string head = buffered.substr(0, end + 4);
    buffered.erase(0, end + 4);
    if (!HandleOne(fd, head)) break;
  }
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

// HandleOne answers one request; it returns whether the connection stays open.
bool TestProxy::HandleOne(int fd, const std::string& req) {
  std::istringstream in(req);
  std::string method, target;
  in >> method >> target;
  std::string path = PercentDecode(target.substr(0, target.find('?')));
  // "$GOPROXY/fail500" and the like reach the behaviours from a script that knows
  // only $GOPROXY: no module path starts with a dotless element such as "fail500".
  for (const char* b : {"/mod/fail500/", "/mod/hang/", "/mod/corrupt/", "/mod/auth/", "/mod/flaky/"})
    if (path.starts_with(b)) path = path.substr(4);
  {
    std::lock_guard<std::mutex> lock(mu_);
    requests_.push_back(path);
  }
  int status = 404;
  bool hang = false;
  std::string type, body;
  if (path.starts_with("/auth/")) {
    // Basic authentication as user "gopher", password "s3cret" (.netrc tests).
    if (req.find("\r\nAuthorization: Basic Z29waGVyOnMzY3JldA==\r\n") != std::string::npos) {
      Respond("/mod/" + path.substr(6), &status, &type, &body, &hang);
    } else {
      status = 401;
      type = "text/plain; charset=utf-8";
      body = "credentials required\n";
    }
  } else if (path.starts_with("/flaky/")) {
    // The first request for each path fails with 503, later ones are served.
    bool first = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      first = flaky_seen_.insert(path).second;
    }
    if (first) {
      status = 503;
      type = "text/plain; charset=utf-8";
      body = "try again\n";
    } else {
      Respond("/mod/" + path.substr(7), &status, &type, &body, &hang);
    }
  } else {
    Respond(path, &status, &type, &body, &hang);
  }
  if (hang) {
    while (!stopping_) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return false;
  }
  bool close = WantsClose(req);
  const char* reason = status == 200   ? "OK"
                       : status == 401 ? "Unauthorized"
                       : status == 404 ? "Not Found"
                       : status == 503 ? "Service Unavailable"
                                       : "Internal Server Error";
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                    "\r\nContent-Type: " + type +
                    "\r\nContent-Length: " + std::to_string(body.size()) +
                    (close ? "\r\nConnection: close" : "") + "\r\n\r\n";
  if (method != "HEAD") out += body;
  for (std::size_t off = 0; off < out.size();) {
    ssize_t w = ::send(fd, out.data() + off, out.size() - off, MSG_NOSIGNAL);
    if (w <= 0) return false;
    off += static_cast<std::size_t>(w);
  }
  return !close;
}

void TestProxy::Stop() {
  if (listen_fd_ < 0) return;
  stopping_ = true;
  if (accept_thread_.joinable()) accept_thread_.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    workers.swap(workers_);
  }
  for (std::thread& t : workers) t.join();
  ::close(listen_fd_);
  listen_fd_ = -1;
}

std::vector<std::string> TestProxy::Requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

}  // namespace gotool::scripttest
