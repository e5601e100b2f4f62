// GOPROXY lists, GONOPROXY patterns and the proxy protocol's five requests.
#include "modcache/proxy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "modcache/module.h"
#include "modcache/pseudo.h"
#include "modcache/semver.h"
#include "pkg/cfg/env.h"

namespace gotool::modcache {
namespace {

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> Fields(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !space(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

// ModuleError wraps err as module.ModuleError prints: "module P: err" without a
// version, "P@V: err" with one; not_found is kept, as errors.Is unwraps.
Error ModuleError(std::string_view path, std::string_view version, Error err) {
  if (version.empty())
    err.message = "module " + std::string(path) + ": " + err.message;
  else if (version != module::CanonicalVersion(version))
    err.message = std::string(path) + "@" + std::string(version) + ": invalid " +
                  (module::IsPseudoVersion(version) ? "pseudo-version" : "version") + ": " + err.message;
  else
    err.message = std::string(path) + "@" + std::string(version) + ": " + err.message;
  return err;
}

// MatchClass matches c against a [...] class starting after '[' at pattern[*i].
bool MatchClass(std::string_view pattern, std::size_t* i, char c, bool* bad) {
  bool negate = *i < pattern.size() && pattern[*i] == '^';
  if (negate) ++*i;
  bool matched = false;
  for (int n = 0;; ++n) {
    if (*i >= pattern.size()) { *bad = true; return false; }
    if (pattern[*i] == ']' && n > 0) { ++*i; break; }
    auto take = [&](char* out) {
      if (pattern[*i] == '\\') ++*i;
      if (*i >= pattern.size()) { *bad = true; return; }
      *out = pattern[(*i)++];
    };
    char lo = 0, hi = 0;
    take(&lo);
    if (*bad) return false;
    hi = lo;
    if (*i < pattern.size() && pattern[*i] == '-') {
      ++*i;
      take(&hi);
      if (*bad) return false;
    }
    if (lo <= c && c <= hi) matched = true;
  }
  return matched != negate;
}

bool MatchHere(std::string_view p, std::size_t pi, std::string_view s, std::size_t si, bool* bad) {
  while (pi < p.size()) {
    char pc = p[pi];
    if (pc == '*') {
      while (pi < p.size() && p[pi] == '*') ++pi;
      for (std::size_t k = si;; ++k) {
        if (MatchHere(p, pi, s, k, bad)) return true;
        if (*bad || k >= s.size() || s[k] == '/') return false;
      }
    }
    if (si >= s.size()) return false;
    if (pc == '?') {
      if (s[si] == '/') return false;
      ++pi, ++si;
    } else if (pc == '[') {
      ++pi;
      if (s[si] == '/') return false;
      if (!MatchClass(p, &pi, s[si], bad)) return false;
      ++si;
    } else {
      if (pc == '\\') {
        if (++pi >= p.size()) { *bad = true; return false; }
        pc = p[pi];
      }
      if (pc != s[si]) return false;
      ++pi, ++si;
    }
  }
  return si == s.size();
}

}  // namespace

ProxyEnv ProxyEnv::FromConfig(const cfg::Config& cfg) {
  ProxyEnv env;
  env.goproxy = cfg.Goproxy();
  env.gonoproxy = cfg.Gonoproxy();
  std::string netrc = cfg.environ().Get("NETRC");
  std::string home = cfg.environ().Get("HOME");
  env.netrc = !netrc.empty() ? netrc : home.empty() ? "" : home + "/.netrc";
  // A test knob, not a go command setting: GOTOOL_HTTP_TIMEOUT=N gives up on a
  // stalled proxy after N seconds, without retrying.
  std::string timeout = cfg.environ().Get("GOTOOL_HTTP_TIMEOUT");
  if (!timeout.empty() && std::all_of(timeout.begin(), timeout.end(), ::isdigit) &&
      timeout.size() < 6) {
    env.stall_timeout_ms = std::max(1L, std::stol(timeout)) * 1000;
    env.connect_timeout_ms = env.stall_timeout_ms;
    env.retries = 0;
  }
  return env;
}

Result<std::vector<ProxySpec>> ParseProxyList(const ProxyEnv& env) {
  std::vector<ProxySpec> list;
  if (!env.gonoproxy.empty() && env.goproxy != "direct") list.push_back({"noproxy", false});
  std::string_view rest = env.goproxy;
  while (!rest.empty()) {
    std::size_t i = rest.find_first_of(",|");
    ProxySpec spec;
    spec.url = Trim(rest.substr(0, i));
    spec.fall_back_on_error = i != std::string_view::npos && rest[i] == '|';
    rest = i == std::string_view::npos ? std::string_view() : rest.substr(i + 1);
    if (spec.url.empty()) continue;
    if (spec.url == "off" || spec.url == "direct") {
      list.push_back({spec.url, false});
      break;
    }
    bool has_sep = spec.url.find_first_of(".:/") != std::string::npos;
    if (has_sep && spec.url.find(":/") == std::string::npos && spec.url[0] != '/')
      spec.url = "https://" + spec.url;
    std::size_t colon = spec.url.find("://");
    std::string scheme = colon == std::string::npos ? "" : spec.url.substr(0, colon);
    if (scheme != "http" && scheme != "https" && scheme != "file") {
      if (scheme.empty()) return Error{"invalid proxy URL missing scheme: " + spec.url};
      return Error{"invalid proxy URL scheme (must be https, http, file): " + spec.url};
    }
    while (spec.url.size() > scheme.size() + 3 && spec.url.back() == '/') spec.url.pop_back();
    list.push_back(std::move(spec));
  }
  if (list.empty() || (list.size() == 1 && list[0].url == "noproxy"))
    return Error{"GOPROXY list is not the empty string, but contains no entries"};
  return list;
}

bool PathMatch(std::string_view pattern, std::string_view name) {
  bool bad = false;
  bool ok = MatchHere(pattern, 0, name, 0, &bad);
  return ok && !bad;
}

bool MatchPrefixPatterns(std::string_view patterns, std::string_view target) {
  while (!patterns.empty()) {
    std::size_t comma = patterns.find(',');
    std::string_view glob = patterns.substr(0, comma);
    patterns = comma == std::string_view::npos ? std::string_view() : patterns.substr(comma + 1);
    while (!glob.empty() && glob.back() == '/') glob.remove_suffix(1);  // "foo/" is "foo"
    if (glob.empty()) continue;
    // Match the glob against the first N path elements of target, N = its own count.
    std::size_t n = std::count(glob.begin(), glob.end(), '/');
    std::string_view prefix = target;
    std::size_t pos = 0;
    for (std::size_t k = 0; k <= n; ++k) {
      std::size_t slash = target.find('/', pos);
      if (slash == std::string_view::npos) {
        pos = target.size();
        if (k < n) pos = std::string_view::npos;
        break;
      }
      pos = slash + (k < n ? 1 : 0);
    }
    if (pos == std::string_view::npos) continue;  // too few elements
    prefix = target.substr(0, pos);
    if (PathMatch(glob, prefix)) return true;
  }
  return false;
}

namespace {

// TakeSimpleString reads `"text"` from the front of *s when text is printable ASCII
// without escapes; it returns false otherwise (the general parser then decides).
bool TakeSimpleString(std::string_view* s, std::string* out) {
  if (s->empty() || s->front() != '"') return false;
  for (std::size_t i = 1; i < s->size(); ++i) {
    char c = (*s)[i];
    if (c == '"') {
      out->assign(s->data() + 1, i - 1);
      s->remove_prefix(i + 1);
      return true;
    }
    if (c == '\\' || c < 0x20 || c > 0x7e) return false;
  }
  return false;
}

bool TakePrefix(std::string_view* s, std::string_view prefix) {
  if (!s->starts_with(prefix)) return false;
  s->remove_prefix(prefix.size());
  return true;
}

// ParseSimpleRevInfo decodes the form the go command writes into the module cache,
// {"Version":"v","Time":"t"} (and a trailing newline), without a JSON library: a
// `list -m all` reads one per module. Anything else is left to the general parser.
bool ParseSimpleRevInfo(std::string_view data, RevInfo* info) {
  while (!data.empty() && (data.back() == '\n' || data.back() == '\r')) data.remove_suffix(1);
  RevInfo r;
  if (!TakePrefix(&data, "{\"Version\":") || !TakeSimpleString(&data, &r.version) ||
      !TakePrefix(&data, ",\"Time\":") || !TakeSimpleString(&data, &r.time) || data != "}")
    return false;
  info->version = std::move(r.version);
  info->time = std::move(r.time);
  return true;
}

}  // namespace

std::string ParseRevInfo(std::string_view data, RevInfo* info) {
  if (ParseSimpleRevInfo(data, info)) return "";
  nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "invalid character in JSON";
  auto str = [&](const char* key, std::string* out) -> bool {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  if (!str("Version", &info->version) || !str("Time", &info->time))
    return "json: cannot unmarshal into Go struct field of type string";
  if (auto it = j.find("Origin"); it != j.end() && it->is_object()) info->origin_json = it->dump();
  return "";
}

template <typename Get>
auto ProxyClient::TryProxies(std::string_view path, std::string_view version, Get get) const -> decltype(get(std::string())) {
  Result<std::vector<ProxySpec>> list = ParseProxyList(env_);
  if (!list.ok()) return list.error();
  enum Rank { kNotExist, kProxy, kDirect };
  std::optional<Error> best;
  Rank best_rank = kNotExist;
  for (const ProxySpec& spec : list.value()) {
    bool private_path = MatchPrefixPatterns(env_.gonoproxy, path);
    std::optional<decltype(get(std::string()))> r;
    Error err;
    bool direct = false;
    if (spec.url == "noproxy") {
      if (!private_path) {
        err = Error{"path does not match GOPRIVATE/GONOPROXY", true};
      } else {
        err = Error{"gotool: direct VCS access is not supported yet", false};
        direct = true;
      }
    } else if (private_path && spec.url != "direct") {
      err = Error{"disabled by GOPRIVATE/GONOPROXY", true};
    } else if (spec.url == "direct") {
      err = Error{"gotool: direct VCS access is not supported yet", false};
      direct = true;
    } else if (spec.url == "off") {
      err = Error{"module lookup disabled by GOPROXY=off", true};
    } else {
      r.emplace(get(spec.url));
      if (r->ok()) return std::move(*r);
      err = r->error();
    }
    if (!r) err = ModuleError(path, version, err);
    if (direct) {  // also "noproxy" for a private path: its error wins
      best = err, best_rank = kDirect;
    } else if (best_rank <= kProxy && !err.not_found) {
      best = err, best_rank = kProxy;
    } else if (best_rank == kNotExist) {
      best = err;
    }
    if (!spec.fall_back_on_error && !err.not_found) break;
  }
  return *best;
}

namespace {

// PathEscape escapes a URL path as Go's url.PathEscape does each segment ('!' is
// %21, '+' and '@' stay), keeping the slashes.
std::string PathEscape(std::string_view s) {
  static constexpr std::string_view kKeep = "-_.~$&+,:;=@/";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || kKeep.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// BaseURL returns the URL of path's directory on a proxy, with the path escaped.
Result<std::string> BaseURL(const std::string& proxy, std::string_view path) {
  std::string err;
  std::string esc = module::EscapePath(path, &err);
  if (!err.empty()) return Error{err};
  return proxy + "/" + PathEscape(esc);
}

Result<std::string> VersionURL(const std::string& proxy, std::string_view path,
                               std::string_view version, std::string_view suffix) {
  Result<std::string> base = BaseURL(proxy, path);
  if (!base.ok()) return base;
  std::string err;
  std::string esc = module::EscapeVersion(version, &err);
  if (!err.empty()) return Error{err};
  return base.value() + "/@v/" + PathEscape(esc) + std::string(suffix);
}

}  // namespace

Result<std::vector<std::string>> ProxyClient::Versions(std::string_view path) const {
  return TryProxies(path, "", [&](const std::string& proxy) -> Result<std::vector<std::string>> {
    Result<std::string> url = BaseURL(proxy, path);
    if (!url.ok()) return ModuleError(path, "", url.error());
    std::string body;
    if (Status s = HTTPGet(env_, url.value() + "/@v/list", &body); !s.ok())
      return ModuleError(path, "", s.error());
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < body.size()) {
      std::size_t nl = body.find('\n', start);
      std::vector<std::string> f = Fields(std::string_view(body).substr(start, nl - start));
      start = nl == std::string::npos ? body.size() : nl + 1;
      if (!f.empty() && semver::IsValid(f[0]) && !module::IsPseudoVersion(f[0])) out.push_back(f[0]);
    }
    return out;
  });
}

Result<RevInfo> ProxyClient::Stat(std::string_view path, std::string_view version) const {
  return TryProxies(path, version, [&](const std::string& proxy) -> Result<RevInfo> {
    Result<std::string> url = VersionURL(proxy, path, version, ".info");
    if (!url.ok()) return ModuleError(path, version, url.error());
    std::string body;
    if (Status s = HTTPGet(env_, url.value(), &body); !s.ok())
      return ModuleError(path, version, s.error());
    RevInfo info;
    if (std::string e = ParseRevInfo(body, &info); !e.empty())
      return ModuleError(path, version,
                         Error{"invalid response from proxy \"" + proxy + "\": " + e});
    // Only a version valid for the path must come back as asked (go's
    // module.Check): rsc.io/quote@v2.0.0 may resolve to a pseudo-version.
    bool valid_for_path = !module::CheckPath(path) &&
                          module::MatchPathMajor(version, module::SplitPathVersion(path).path_major);
    if (info.version != version && version == module::CanonicalVersion(version) && valid_for_path)
      return ModuleError(path, version,
                         Error{"proxy returned info for version " + info.version +
                               " instead of requested version"});
    return info;
  });
}

Result<RevInfo> ProxyClient::Latest(std::string_view path) const {
  return TryProxies(path, "", [&](const std::string& proxy) -> Result<RevInfo> {
    Result<std::string> url = BaseURL(proxy, path);
    if (!url.ok()) return ModuleError(path, "", url.error());
    std::string body;
    Status s = HTTPGet(env_, url.value() + "/@latest", &body);
    if (!s.ok() && !s.error().not_found) return ModuleError(path, "", s.error());
    if (!s.ok()) {
      // No @latest: the newest pseudo-version in the list, as the go command does.
      std::string list;
      if (Status ls = HTTPGet(env_, url.value() + "/@v/list", &list); !ls.ok())
        return ModuleError(path, "", ls.error());
      RevInfo best;
      std::size_t start = 0;
      while (start < list.size()) {
        std::size_t nl = list.find('\n', start);
        std::vector<std::string> f = Fields(std::string_view(list).substr(start, nl - start));
        start = nl == std::string::npos ? list.size() : nl + 1;
        if (f.size() >= 2 && module::IsPseudoVersion(f[0]) &&
            (best.version.empty() || semver::Compare(f[0], best.version) > 0)) {
          best.version = f[0];
          best.time = f[1];
        }
      }
      if (best.version.empty()) return ModuleError(path, "", Error{"no commits", true});
      return best;
    }
    RevInfo info;
    if (std::string e = ParseRevInfo(body, &info); !e.empty())
      return ModuleError(path, "", Error{"invalid response from proxy \"" + proxy + "\": " + e});
    return info;
  });
}

Result<std::string> ProxyClient::GoMod(std::string_view path, std::string_view version) const {
  return TryProxies(path, version, [&](const std::string& proxy) -> Result<std::string> {
    if (version != module::CanonicalVersion(version))
      return ModuleError(path, version,
                         Error{"internal error: version passed to GoMod is not canonical"});
    Result<std::string> url = VersionURL(proxy, path, version, ".mod");
    if (!url.ok()) return ModuleError(path, version, url.error());
    std::string body;
    if (Status s = HTTPGet(env_, url.value(), &body); !s.ok())
      return ModuleError(path, version, s.error());
    return body;
  });
}

Status ProxyClient::Zip(std::string_view path, std::string_view version, const std::string& dst,
                        std::int64_t max_bytes) const {
  return TryProxies(path, version, [&](const std::string& proxy) -> Status {
    if (version != module::CanonicalVersion(version))
      return ModuleError(path, version,
                         Error{"internal error: version passed to Zip is not canonical"});
    Result<std::string> url = VersionURL(proxy, path, version, ".zip");
    if (!url.ok()) return ModuleError(path, version, url.error());
    if (Status s = HTTPGet(env_, url.value(), nullptr, dst, max_bytes); !s.ok())
      return ModuleError(path, version, s.error());
    return OkStatus();
  });
}

}  // namespace gotool::modcache
