// The GOPROXY protocol client: proxy lists, GONOPROXY patterns, and the five requests
// of a module proxy (@v/list, .info, .mod, .zip, @latest) over HTTP or file://.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace gotool::cfg {
class Config;
}

namespace gotool::modcache {

// Error is a failed I/O operation, with a message in the go command's words.
struct Error {
  std::string message;
  // not_found marks "does not exist" errors (HTTP 404/410, a missing file:// file,
  // GOPROXY=off): a ','-separated GOPROXY list falls through only on these.
  bool not_found = false;
};

// Result holds a value or an Error; no exceptions cross the modcache API.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Status is a Result without a value.
using Status = Result<std::monostate>;

// OkStatus returns a successful Status.
inline Status OkStatus() { return Status(std::monostate{}); }

// ProxyEnv is what the proxy client reads from the go command's environment.
struct ProxyEnv {
  std::string goproxy = "https://proxy.golang.org,direct";  // GOPROXY
  std::string gonoproxy;  // GONOPROXY (its default, GOPRIVATE, already applied)
  // netrc is the .netrc file for credentials: $NETRC, else $HOME/.netrc; "" for none.
  std::string netrc;
  // connect_timeout_ms bounds connecting to a proxy.
  long connect_timeout_ms = 30000;
  // stall_timeout_ms fails a transfer that receives nothing for that long.
  long stall_timeout_ms = 60000;
  // trace, when set, receives the go command's -x lines for each HTTP request:
  // "# get URL" before it and "# get URL: 200 OK (0.012s)" (or the error) after.
  std::function<void(const std::string&)> trace;
  // retries is how often a transient failure (connection error, 502/503/504) is
  // retried before giving up.
  int retries = 2;

  // FromConfig reads GOPROXY, GONOPROXY/GOPRIVATE, NETRC and HOME from cfg, and
  // the test knob GOTOOL_HTTP_TIMEOUT (seconds before a stalled transfer fails,
  // without retries).
  static ProxyEnv FromConfig(const cfg::Config& cfg);
};

// ProxySpec is one entry of a GOPROXY list: a base URL, "direct", "off" or "noproxy"
// (the pseudo-entry standing for GONOPROXY), and whether the list falls through to
// the next entry on any error ('|') or only on not-found (',').
struct ProxySpec {
  std::string url;
  bool fall_back_on_error = false;
};

// ParseProxyList splits env.goproxy into entries as the go command does: blank
// entries skipped, "direct" and "off" end the list, a bare host gets "https://", and
// a leading "noproxy" entry when GONOPROXY is set.
Result<std::vector<ProxySpec>> ParseProxyList(const ProxyEnv& env);

// MatchPrefixPatterns reports whether some glob of the comma-separated list patterns
// matches a prefix of target made of whole path elements (module.MatchPrefixPatterns):
// "*.corp.example.com" matches "git.corp.example.com/x/y".
bool MatchPrefixPatterns(std::string_view patterns, std::string_view target);

// PathMatch is Go's path.Match for one pattern; a malformed pattern does not match.
bool PathMatch(std::string_view pattern, std::string_view name);

// RevInfo is the content of a proxy's .info file (and of @latest).
struct RevInfo {
  std::string version;
  std::string time;         // RFC 3339, "" when the proxy gave none
  std::string origin_json;  // the raw "Origin" object, "" when absent
};

// ParseRevInfo decodes a .info body; it returns an error message or "".
std::string ParseRevInfo(std::string_view data, RevInfo* info);

// ProxyClient fetches module data through the GOPROXY list of env.
class ProxyClient {
 public:
  explicit ProxyClient(ProxyEnv env) : env_(std::move(env)) {}

  // Versions returns the tagged versions in @v/list (pseudo-versions and invalid
  // lines dropped), unsorted as the proxy listed them.
  Result<std::vector<std::string>> Versions(std::string_view path) const;
  // Stat returns the .info of version (an escaped, canonical version is requested, and
  // the answer must name that same version).
  Result<RevInfo> Stat(std::string_view path, std::string_view version) const;
  // Latest returns @latest, falling back to the newest pseudo-version of @v/list's
  // fields when @latest is not found.
  Result<RevInfo> Latest(std::string_view path) const;
  // GoMod returns the bytes of the version's go.mod.
  Result<std::string> GoMod(std::string_view path, std::string_view version) const;
  // Zip downloads the version's zip into the file dst (created or truncated), at most
  // max_bytes of it; a larger body is an error.
  Status Zip(std::string_view path, std::string_view version, const std::string& dst,
             std::int64_t max_bytes) const;

  const ProxyEnv& env() const { return env_; }

 private:
  // TryProxies runs get(base_url) over the proxy list: the first success wins, a ','
  // entry falls through on not-found only, a '|' entry on any error.
  template <typename Get>
  auto TryProxies(std::string_view path, std::string_view version, Get get) const -> decltype(get(std::string()));

  ProxyEnv env_;
};

// HTTPGet fetches url (http, https or file) into *body, or into the file sink_path
// when it is not empty, reading at most max_bytes: http:// over the plain-HTTP client
// of http_client.h when it can, everything else over libcurl, with the same results. A non-200 status is an Error
// "reading URL: 404 Not Found" (not_found for 404 and 410). Transient failures are
// retried env.retries times.
Status HTTPGet(const ProxyEnv& env, const std::string& url, std::string* body,
               const std::string& sink_path = "", std::int64_t max_bytes = INT64_MAX);

}  // namespace gotool::modcache
