// Tests of the GOPROXY client, the cache layout and downloads against the test proxy.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "modcache/cache.h"
#include "modcache/dirhash.h"
#include "modcache/download.h"
#include "modcache/proxy.h"
#include "pkg/scripttest/proxy.h"

namespace gotool::modcache {
namespace {

namespace fs = std::filesystem;

TEST(ProxyList, Parse) {
  ProxyEnv env;
  env.goproxy = "proxy.example.com, http://a.example/p/ |direct,https://never";
  Result<std::vector<ProxySpec>> list = ParseProxyList(env);
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list.value().size(), 3u);
  EXPECT_EQ(list.value()[0].url, "https://proxy.example.com");
  EXPECT_FALSE(list.value()[0].fall_back_on_error);
  EXPECT_EQ(list.value()[1].url, "http://a.example/p");
  EXPECT_TRUE(list.value()[1].fall_back_on_error);
  EXPECT_EQ(list.value()[2].url, "direct");

  env.gonoproxy = "example.com/private";
  env.goproxy = "off";
  list = ParseProxyList(env);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list.value().size(), 2u);
  EXPECT_EQ(list.value()[0].url, "noproxy");
  EXPECT_EQ(list.value()[1].url, "off");

  env.goproxy = " , ";
  list = ParseProxyList(env);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().message, "GOPROXY list is not the empty string, but contains no entries");
}

TEST(ProxyList, MatchPrefixPatterns) {
  EXPECT_TRUE(MatchPrefixPatterns("*.corp.example.com", "git.corp.example.com/x/y"));
  EXPECT_FALSE(MatchPrefixPatterns("*.corp.example.com", "corp.example.com/x"));
  EXPECT_TRUE(MatchPrefixPatterns("example.com/priv", "example.com/priv"));
  EXPECT_TRUE(MatchPrefixPatterns("example.com/priv", "example.com/priv/sub"));
  EXPECT_FALSE(MatchPrefixPatterns("example.com/priv", "example.com/private"));
  EXPECT_FALSE(MatchPrefixPatterns("example.com/priv/x", "example.com/priv"));
  EXPECT_TRUE(MatchPrefixPatterns("other.org,example.com/", "example.com/a"));
  EXPECT_TRUE(MatchPrefixPatterns("example.com/*/b", "example.com/a/b/c"));
  EXPECT_FALSE(MatchPrefixPatterns("", "example.com/a"));
  EXPECT_TRUE(MatchPrefixPatterns("ex?mple.[a-c]om", "example.com"));
  EXPECT_FALSE(MatchPrefixPatterns("ex[", "ex"));
}

TEST(Cache, Paths) {
  Result<std::string> p = cache::CachePath("/m", {"example.com/Upper", "v1.0.0-RC.1"}, "info");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p.value(), "/m/cache/download/example.com/!upper/@v/v1.0.0-!r!c.1.info");
  Result<std::string> d = cache::ModuleDir("/m", {"example.com/Upper", "v1.0.0-RC.1"});
  EXPECT_EQ(d.value(), "/m/example.com/!upper@v1.0.0-!r!c.1");
  EXPECT_FALSE(cache::CachePath("/m", {"example.com/a", "v1.0"}, "info").ok());
}

TEST(Cache, FormatInfo) {
  EXPECT_EQ(cache::FormatInfo({"v1.0.0", "", ""}),
            R"({"Version":"v1.0.0","Time":"0001-01-01T00:00:00Z"})");
  EXPECT_EQ(cache::FormatInfo({"v1.0.0", "2023-01-02T03:04:05Z",
                               R"({"VCS":"git","URL":"https://x","Ref":"refs/tags/v1.0.0","TagSum":"t1:x"})"}),
            R"({"Version":"v1.0.0","Time":"2023-01-02T03:04:05Z","Origin":{"VCS":"git","URL":"https://x","Ref":"refs/tags/v1.0.0"}})");
}

// The cache's own .info form is decoded without the JSON library; every other form
// goes through it, with the same results.
TEST(RevInfo, SimpleAndGeneral) {
  struct Case {
    const char* data;
    const char* version;
    const char* time;
    bool ok;
  };
  for (const Case& c : std::initializer_list<Case>{
           {R"({"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z"})", "v1.0.0",
            "2023-01-01T00:00:00Z", true},
           {"{\"Version\":\"v1.0.0\",\"Time\":\"2023-01-01T00:00:00Z\"}\n", "v1.0.0",
            "2023-01-01T00:00:00Z", true},
           {R"({"Time":"2023-01-01T00:00:00Z","Version":"v1.2.0"})", "v1.2.0",
            "2023-01-01T00:00:00Z", true},
           {R"({ "Version": "v1.\u0030.0", "Time": "t" })", "v1.0.0", "t", true},
           {R"({"Version":"v1.0.0","Time":"t","Origin":{"VCS":"git"}})", "v1.0.0", "t", true},
           {R"({"Version":"v1.0.0","Time":"t"} x)", "", "", false},
           {R"({"Version":1})", "", "", false},
       }) {
    RevInfo info;
    std::string err = ParseRevInfo(c.data, &info);
    EXPECT_EQ(err.empty(), c.ok) << c.data;
    if (!c.ok) continue;
    EXPECT_EQ(info.version, c.version) << c.data;
    EXPECT_EQ(info.time, c.time) << c.data;
  }
}

// ProxyTest runs a test proxy over testdata/mod and gives each test a fresh cache.
class ProxyTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(proxy_.Load("testdata/mod"), "");
    ASSERT_EQ(proxy_.Start(), "");
    std::string tmpl = (fs::temp_directory_path() / "gotool-proxy-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    tmp_ = tmpl;
    env_.gomodcache = tmp_ + "/modcache";
    env_.proxy.goproxy = proxy_.URL();
    env_.proxy.connect_timeout_ms = 2000;
    env_.proxy.stall_timeout_ms = 1000;
    env_.stderr = [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(mu_);
      stderr_ += line;
    };
  }
  void TearDown() override {
    proxy_.Stop();
    cache::RemoveTree(tmp_);
  }

  // Files lists the files below the cache, relative to it.
  std::vector<std::string> Files() const {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(env_.gomodcache, ec), end; !ec && it != end;
         it.increment(ec))
      if (!it->is_directory()) out.push_back(it->path().lexically_relative(env_.gomodcache));
    std::sort(out.begin(), out.end());
    return out;
  }

  // FilesBut lists the cache's files except lock files (which a failure may leave).
  std::vector<std::string> FilesButLocks() const {
    std::vector<std::string> out;
    for (const std::string& f : Files())
      if (!f.ends_with(".lock")) out.push_back(f);
    return out;
  }

  static std::string Read(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  scripttest::TestProxy proxy_;
  std::string tmp_;
  DownloadEnv env_;
  std::mutex mu_;
  std::string stderr_;
};

TEST_F(ProxyTest, DownloadSuccess) {
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(stderr_, "go: downloading example.com/hello v1.0.0\n");
  const std::string dl = "cache/download/example.com/hello/@v/";
  EXPECT_EQ(Files(), (std::vector<std::string>{
                         dl + "list", dl + "v1.0.0.info", dl + "v1.0.0.lock", dl + "v1.0.0.mod",
                         dl + "v1.0.0.zip", dl + "v1.0.0.ziphash", "example.com/hello@v1.0.0/go.mod",
                         "example.com/hello@v1.0.0/hello.go", "example.com/hello@v1.0.0/hello_test.go"}));
  std::string root = env_.gomodcache + "/";
  // The .info is re-marshalled: Name and Short are dropped.
  EXPECT_EQ(Read(root + dl + "v1.0.0.info"), R"({"Version":"v1.0.0","Time":"2023-01-02T03:04:05Z"})");
  EXPECT_EQ(Read(root + dl + "v1.0.0.mod"), "module example.com/hello\n\ngo 1.18\n");
  EXPECT_EQ(Read(root + dl + "list"), "v1.0.0\n");
  EXPECT_EQ(Read(root + dl + "v1.0.0.lock"), "");
  std::string err;
  std::string h1 = dirhash::HashZip(root + dl + "v1.0.0.zip", &err);
  EXPECT_EQ(Read(root + dl + "v1.0.0.ziphash"), h1);  // no newline
  EXPECT_EQ(r.value().sum, h1);
  EXPECT_EQ(r.value().gomod_sum, dirhash::HashGoMod("module example.com/hello\n\ngo 1.18\n"));
  EXPECT_EQ(dirhash::HashDir(r.value().dir, "example.com/hello@v1.0.0", &err), h1);
  EXPECT_FALSE(r.value().verified);
  struct stat st;
  ASSERT_EQ(::stat(r.value().dir.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0555u);
  ASSERT_EQ(::stat((r.value().dir + "/hello.go").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0444u);

  // A second download is served from the cache: no request, no message.
  std::size_t requests = proxy_.Requests().size();
  stderr_.clear();
  r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(proxy_.Requests().size(), requests);
  EXPECT_EQ(stderr_, "");

  // list grows with each .mod, semver-sorted.
  ASSERT_TRUE(GoModFile(env_, {"example.com/hello", "v1.1.0"}).ok());
  EXPECT_EQ(Read(root + dl + "list"), "v1.0.0\nv1.1.0\n");
}

// The test proxy answers several requests on one connection (HTTP/1.1 keep-alive),
// so that clients reuse their connections as they would with a real proxy.
TEST_F(ProxyTest, KeepAlive) {
  std::string root = proxy_.Root();
  int port = std::stoi(root.substr(root.rfind(':') + 1));
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string req = "GET /mod/example.com/hello/@v/list HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string last = "GET /mod/example.com/hello/@v/list HTTP/1.1\r\nConnection: close\r\n\r\n";
  std::string both = req + last;
  ASSERT_EQ(::send(fd, both.data(), both.size(), 0), static_cast<ssize_t>(both.size()));
  std::string got;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
  ::close(fd);
  std::size_t first = got.find("HTTP/1.1 200 OK");
  ASSERT_NE(first, std::string::npos) << got;
  EXPECT_NE(got.find("HTTP/1.1 200 OK", first + 1), std::string::npos) << got;
  EXPECT_NE(got.find("Connection: close"), std::string::npos) << got;
}

TEST_F(ProxyTest, EscapedPathsAndMissingTime) {
  Result<DownloadedModule> r = Download(env_, {"example.com/Upper", "v1.0.0-RC.1"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().dir, env_.gomodcache + "/example.com/!upper@v1.0.0-!r!c.1");
  EXPECT_EQ(Read(r.value().info_file),
            R"({"Version":"v1.0.0-RC.1","Time":"0001-01-01T00:00:00Z"})");
  // As the go command, list skips versions whose escaped form is not a version.
  EXPECT_EQ(Read(env_.gomodcache + "/cache/download/example.com/!upper/@v/list"), "");
}

TEST_F(ProxyTest, VersionsAndLatest) {
  ProxyClient client(env_.proxy);
  Result<std::vector<std::string>> versions = client.Versions("example.com/hello");
  ASSERT_TRUE(versions.ok()) << versions.error().message;
  EXPECT_EQ(versions.value(), (std::vector<std::string>{"v1.0.0", "v1.1.0"}));
  Result<RevInfo> latest = client.Latest("example.com/hello");
  ASSERT_TRUE(latest.ok()) << latest.error().message;
  EXPECT_EQ(latest.value().version, "v1.0.0");  // the test proxy's quirk: the lowest
  Result<std::vector<std::string>> none = client.Versions("example.com/none");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message,
            "module example.com/none: reading " + proxy_.URL() +
                "/example.com/none/@v/list: 404 Not Found\n\tserver response: 404 page not found");
  EXPECT_TRUE(none.error().not_found);
}

TEST_F(ProxyTest, FileProxy) {
  ASSERT_EQ(proxy_.WriteTree(tmp_ + "/tree"), "");
  env_.proxy.goproxy = "file://" + tmp_ + "/tree";
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.1.0"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Read(r.value().dir + "/greet/greet.go").substr(0, 17), "// Package greet ");
  Result<DownloadedModule> missing = Download(env_, {"example.com/hello", "v9.0.0"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "example.com/hello@v9.0.0: reading file://" + tmp_ +
                                         "/tree/example.com/hello/@v/v9.0.0.info: no such file or directory");
}

TEST_F(ProxyTest, CommaFallsThroughOnNotFound) {
  env_.proxy.goproxy = proxy_.Root() + "/nothing-here," + proxy_.URL();
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(r.ok()) << r.error().message;
}

TEST_F(ProxyTest, PasswordsAreRedacted) {
  std::string root = proxy_.Root();
  env_.proxy.goproxy = "http://gopher:s3cret@" + root.substr(7) + "/nothing-here";
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "example.com/hello@v1.0.0: reading http://gopher:xxxxx@" +
                                   root.substr(7) +
                                   "/nothing-here/example.com/hello/@v/v1.0.0.info: 404 Not Found\n"
                                   "\tserver response: 404 page not found");
}

TEST_F(ProxyTest, TransientErrorsAreRetried) {
  env_.proxy.goproxy = proxy_.Root() + "/flaky";
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  env_.proxy.retries = 0;
  r = Download(env_, {"example.com/hello", "v1.1.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "example.com/hello@v1.1.0: reading " + proxy_.Root() +
                                   "/flaky/example.com/hello/@v/v1.1.0.info: 503 Service "
                                   "Unavailable\n\tserver response: try again");
}

TEST_F(ProxyTest, CommaStopsOnServerError) {
  env_.proxy.goproxy = proxy_.Root() + "/fail500," + proxy_.URL();
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "example.com/hello@v1.0.0: reading " + proxy_.Root() +
                                   "/fail500/example.com/hello/@v/v1.0.0.info: 500 Internal Server "
                                   "Error\n\tserver response: injected failure");
  EXPECT_EQ(FilesButLocks(), std::vector<std::string>{});
}

TEST_F(ProxyTest, PipeFallsThroughOnServerError) {
  env_.proxy.goproxy = proxy_.Root() + "/fail500|" + proxy_.URL();
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(r.ok()) << r.error().message;
}

TEST_F(ProxyTest, HangingProxyTimesOut) {
  env_.proxy.goproxy = proxy_.Root() + "/hang";
  auto start = std::chrono::steady_clock::now();
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  std::string want = "example.com/hello@v1.0.0: Get \"" + proxy_.Root() +
                     "/hang/example.com/hello/@v/v1.0.0.info\": timeout: no data received for 1s";
  EXPECT_EQ(r.error().message.substr(0, want.size()), want) << r.error().message;
  EXPECT_EQ(FilesButLocks(), std::vector<std::string>{});
}

TEST_F(ProxyTest, ConnectionRefused) {
  env_.proxy.goproxy = "http://127.0.0.1:1";
  env_.proxy.retries = 1;
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "example.com/hello@v1.0.0: Get \"http://127.0.0.1:1/example.com/hello/@v/v1.0.0.info\": "
            "dial tcp 127.0.0.1:1: connect: connection refused");
}

// Metadata lists the cache files of path@v1.0.0 besides the zip: list, .info, .mod.
std::vector<std::string> Metadata(const std::string& path) {
  std::string dir = "cache/download/" + path + "/@v/";
  return {dir + "list", dir + "v1.0.0.info", dir + "v1.0.0.mod"};
}

TEST_F(ProxyTest, CorruptZip) {
  env_.proxy.goproxy = proxy_.Root() + "/corrupt";
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "zip: not a valid zip file");
  EXPECT_EQ(stderr_, "go: downloading example.com/hello v1.0.0\n");
  // As with the go command, .info and .mod are cached; no zip is.
  EXPECT_EQ(FilesButLocks(), Metadata("example.com/hello"));
}

TEST_F(ProxyTest, ZipWithForeignFile) {
  Result<DownloadedModule> r = Download(env_, {"example.com/badzip", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "zip for example.com/badzip@v1.0.0 has unexpected file "
            "example.com/other@v1.0.0/x.go");
  EXPECT_EQ(FilesButLocks(), Metadata("example.com/badzip"));
}

TEST_F(ProxyTest, ChecksumMismatch) {
  GoSum sums;
  const std::string wrong = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  sums[{"example.com/hello", "v1.0.0"}] = {wrong};
  env_.gosum = &sums;
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  const std::string& msg = r.error().message;
  EXPECT_TRUE(msg.starts_with(
      "verifying example.com/hello@v1.0.0: checksum mismatch\n\tdownloaded: h1:"))
      << msg;
  EXPECT_NE(msg.find("\n\tgo.sum:     " + wrong + "\n\nSECURITY ERROR\nThis download does NOT match "
                     "an earlier download recorded in go.sum.\n"),
            std::string::npos)
      << msg;
  EXPECT_EQ(FilesButLocks(), Metadata("example.com/hello"));

  // The go.mod line is checked too, and a match marks the download verified.
  sums.clear();
  sums[{"example.com/hello", "v1.0.0/go.mod"}] = {wrong};
  r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.starts_with(
      "verifying example.com/hello@v1.0.0/go.mod: checksum mismatch\n\tdownloaded: h1:"))
      << r.error().message;
  EXPECT_EQ(FilesButLocks(), Metadata("example.com/hello"));

  sums.clear();
  env_.gosum = nullptr;
  Result<DownloadedModule> ok = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(ok.ok());
  sums[{"example.com/hello", "v1.0.0"}] = {ok.value().sum};
  sums[{"example.com/hello", "v1.0.0/go.mod"}] = {ok.value().gomod_sum};
  env_.gosum = &sums;
  r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().verified);
}

TEST_F(ProxyTest, DiskError) {
  std::ofstream(tmp_ + "/blocker") << "a file where the cache should be";
  env_.gomodcache = tmp_ + "/blocker/modcache";
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "could not create module cache: mkdir " + tmp_ + "/blocker: not a directory");
  if (::geteuid() != 0) {  // permissions do not stop root
    env_.gomodcache = tmp_ + "/ro";
    fs::create_directories(env_.gomodcache);
    ::chmod(env_.gomodcache.c_str(), 0555);
    r = Download(env_, {"example.com/hello", "v1.0.0"});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "mkdir " + env_.gomodcache + "/cache: permission denied");
    EXPECT_EQ(Files(), std::vector<std::string>{});
  }
}

TEST_F(ProxyTest, OffDirectAndPrivate) {
  env_.proxy.goproxy = "off";
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "example.com/hello@v1.0.0: module lookup disabled by GOPROXY=off");
  env_.proxy.goproxy = proxy_.Root() + "/nothing-here,direct";
  r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "example.com/hello@v1.0.0: gotool: direct VCS access is not supported yet");
  env_.proxy.goproxy = proxy_.URL();
  env_.proxy.gonoproxy = "example.com";
  r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "example.com/hello@v1.0.0: gotool: direct VCS access is not supported yet");
  EXPECT_EQ(FilesButLocks(), std::vector<std::string>{});
}

TEST_F(ProxyTest, ParallelDownloads) {
  std::vector<module::Version> mods = {{"example.com/hello", "v1.0.0"},
                                       {"example.com/hello", "v1.1.0"},
                                       {"example.com/hello", "v1.0.0"},
                                       {"example.com/Upper", "v1.0.0-RC.1"},
                                       {"example.com/hello", "v1.1.0"}};
  std::vector<Result<DownloadedModule>> results = DownloadAll(env_, mods, 4);
  ASSERT_EQ(results.size(), mods.size());
  for (std::size_t i = 0; i < mods.size(); ++i) {
    ASSERT_TRUE(results[i].ok()) << results[i].error().message;
    EXPECT_EQ(results[i].value().mod, mods[i]);
  }
  // Each zip is downloaded once, whatever the interleaving.
  for (const char* line : {"go: downloading example.com/hello v1.0.0\n",
                           "go: downloading example.com/hello v1.1.0\n",
                           "go: downloading example.com/Upper v1.0.0-RC.1\n"}) {
    std::size_t first = stderr_.find(line);
    EXPECT_NE(first, std::string::npos) << line;
    EXPECT_EQ(stderr_.find(line, first + 1), std::string::npos) << line;
  }
  EXPECT_EQ(Read(env_.gomodcache + "/cache/download/example.com/hello/@v/list"), "v1.0.0\nv1.1.0\n");
}

TEST_F(ProxyTest, NetrcCredentials) {
  env_.proxy.goproxy = proxy_.Root() + "/auth";
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "example.com/hello@v1.0.0: reading " + proxy_.Root() +
                                   "/auth/example.com/hello/@v/v1.0.0.info: 401 Unauthorized\n"
                                   "\tserver response: credentials required");
  std::ofstream(tmp_ + "/netrc") << "machine 127.0.0.1\nlogin gopher\npassword s3cret\n";
  env_.proxy.netrc = tmp_ + "/netrc";
  r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(r.ok()) << r.error().message;
}

TEST_F(ProxyTest, LeftoversOfAKilledDownload) {
  // What a download killed at the worst moments leaves: a temporary zip, a .partial
  // marker with a half-extracted directory, a temporary extraction directory.
  std::string dl = env_.gomodcache + "/cache/download/example.com/hello/@v/";
  std::string dir = env_.gomodcache + "/example.com/hello@v1.0.0";
  fs::create_directories(dl);
  fs::create_directories(dir + ".tmp-123456/sub");
  fs::create_directories(dir);
  std::ofstream(dl + "v1.0.0.zip123456.tmp") << "half a zip";
  std::ofstream(dl + "v1.0.0.partial") << "";
  std::ofstream(dir + "/junk.go") << "package junk";
  Result<DownloadedModule> r = Download(env_, {"example.com/hello", "v1.0.0"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(FilesButLocks(),
            (std::vector<std::string>{
                "cache/download/example.com/hello/@v/list", "cache/download/example.com/hello/@v/v1.0.0.info",
                "cache/download/example.com/hello/@v/v1.0.0.mod", "cache/download/example.com/hello/@v/v1.0.0.zip",
                "cache/download/example.com/hello/@v/v1.0.0.ziphash", "example.com/hello@v1.0.0/go.mod",
                "example.com/hello@v1.0.0/hello.go", "example.com/hello@v1.0.0/hello_test.go"}));
}

TEST_F(ProxyTest, TwoProcessesFillOneCache) {
  std::fflush(nullptr);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    DownloadEnv env = env_;
    env.stderr = [](const std::string&) {};
    bool ok = true;
    for (int i = 0; i < 3; ++i) {
      ok = ok && Download(env, {"example.com/hello", "v1.0.0"}).ok();
      ok = ok && Download(env, {"example.com/hello", "v1.1.0"}).ok();
    }
    ::_exit(ok ? 0 : 1);
  }
  bool ok = true;
  for (int i = 0; i < 3; ++i) {
    Result<DownloadedModule> a = Download(env_, {"example.com/hello", "v1.1.0"});
    Result<DownloadedModule> b = Download(env_, {"example.com/hello", "v1.0.0"});
    EXPECT_TRUE(a.ok()) << a.error().message;
    EXPECT_TRUE(b.ok()) << b.error().message;
    ok = ok && a.ok() && b.ok();
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(Read(env_.gomodcache + "/cache/download/example.com/hello/@v/list"), "v1.0.0\nv1.1.0\n");
  std::string err;
  for (const char* v : {"v1.0.0", "v1.1.0"}) {
    std::string prefix = std::string("example.com/hello@") + v;
    EXPECT_EQ(dirhash::HashDir(env_.gomodcache + "/" + prefix, prefix, &err),
              Read(env_.gomodcache + "/cache/download/example.com/hello/@v/" + v + ".ziphash"));
  }
}

}  // namespace
}  // namespace gotool::modcache
