// `gotool env`: listing variables as text or JSON, and `-w`/`-u` edits of the go env
// file with the go command's validation and messages.
#include "pkg/cfg/envcmd.h"

#include <fmt/core.h>

#include <map>
#include <set>

#include "pkg/base/atomic_file.h"
#include "pkg/base/strconv.h"
#include "pkg/cfg/envfile.h"
#include "pkg/cfg/goflags.h"

namespace gotool::cfg {
namespace {

std::string FindEnv(const std::vector<EnvVar>& vars, const std::string& name) {
  for (const EnvVar& v : vars)
    if (v.name == name) return v.value;
  return "";
}

EnvResult Fail(std::string msg) { return {"", "gotool: " + msg + "\n", 1}; }

bool ValidUTF8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    i += len;
  }
  return true;
}

// FirstWord returns the first word of a CC/CXX value, honouring quotes as the go
// command's quoted.Split does; *err is set for an unterminated quote.
std::string FirstWord(std::string_view s, std::string* err) {
  std::size_t i = s.find_first_not_of(" \t\n\r");
  if (i == std::string_view::npos) return "";
  std::string word;
  if (s[i] == '\'' || s[i] == '"') {
    char q = s[i];
    std::size_t end = s.find(q, i + 1);
    if (end == std::string_view::npos) {
      *err = fmt::format("unterminated {} string", q);
      return "";
    }
    return std::string(s.substr(i + 1, end - i - 1));
  }
  std::size_t end = s.find_first_of(" \t\n\r", i);
  return std::string(s.substr(i, end == std::string_view::npos ? end : end - i));
}

std::string Base(const std::string& path) {
  std::string clean = CleanPath(path);
  std::size_t slash = clean.rfind('/');
  return slash == std::string::npos || clean == "/" ? clean : clean.substr(slash + 1);
}

// UpdateEnvFile applies add and del to the go env file named by env.
EnvResult UpdateEnvFile(const Environ& env, const std::map<std::string, std::string>& add,
                        const std::set<std::string>& del) {
  std::string why;
  std::string file = EnvFile(env, &why);
  if (file.empty()) return Fail("cannot find go env config: " + why);
  std::string data;
  bool not_exist = false;
  std::string err = ReadFile(file, &data, &not_exist);
  if (!err.empty() && (!not_exist || add.empty())) return Fail("reading go env config: " + err);
  std::string text = UpdateEnvFileText(data, add, del);
  err = base::WriteFileAtomic(file, text);
  if (!err.empty()) {
    std::size_t slash = file.rfind('/');
    if (slash != std::string::npos && slash > 0) MkdirAll(file.substr(0, slash));
    err = base::WriteFileAtomic(file, text);
    if (!err.empty()) return Fail("writing go env config: " + err);
  }
  return {};
}

EnvResult RunEnvW(const std::vector<std::string>& args, const Environ& env) {
  if (args.empty()) return Fail("no KEY=VALUE arguments given");
  EnvResult result;
  std::map<std::string, std::string> add;
  for (const std::string& arg : args) {
    std::size_t eq = arg.find('=');
    if (eq == std::string::npos)
      return Fail("arguments must be KEY=VALUE: invalid argument: " + arg);
    std::string key = arg.substr(0, eq), value = arg.substr(eq + 1);
    if (std::string err = CheckEnvWrite(key, value); !err.empty()) return Fail(err);
    if (add.count(key) != 0) return Fail("multiple values for key: " + key);
    add[key] = value;
    if (std::string os_value = env.Get(key); !os_value.empty() && os_value != value)
      result.err += fmt::format(
          "warning: gotool env -w {}=... does not override conflicting OS environment variable\n",
          key);
  }
  Config config = Config::Load(env);
  if (add.count("GOOS") != 0 || add.count("GOARCH") != 0) {
    std::string goos = add.count("GOOS") != 0 ? add["GOOS"] : config.Goos();
    std::string goarch = add.count("GOARCH") != 0 ? add["GOARCH"] : config.Goarch();
    if (!ValidPlatform(goos, goarch))
      return Fail(fmt::format("unsupported GOOS/GOARCH pair {}/{}", goos, goarch));
  }
  if (auto it = add.find("GOTMPDIR");
      it != add.end() && !it->second.empty() && it->second[0] != '/')
    return Fail("GOTMPDIR must be an absolute path");
  EnvResult update = UpdateEnvFile(env, add, {});
  update.err = result.err + update.err;
  return update;
}

EnvResult RunEnvU(const std::vector<std::string>& args, const Environ& env) {
  if (args.empty()) return Fail("'gotool env -u' requires an argument");
  std::set<std::string> del;
  for (const std::string& arg : args) {
    if (std::string err = CheckEnvWrite(arg, ""); !err.empty()) return Fail(err);
    del.insert(arg);
  }
  // Unsetting GOOS or GOARCH falls back to the environment or the host; the pair must
  // still be valid.
  if (del.count("GOOS") != 0 || del.count("GOARCH") != 0) {
    Config config = Config::Load(env);
    std::string goos = del.count("GOOS") != 0 ? env.Get("GOOS") : config.Goos();
    std::string goarch = del.count("GOARCH") != 0 ? env.Get("GOARCH") : config.Goarch();
    if (goos.empty()) goos = HostOS();
    if (goarch.empty()) goarch = HostArch();
    if (!ValidPlatform(goos, goarch))
      return Fail(fmt::format("unsupported GOOS/GOARCH pair {}/{}", goos, goarch));
  }
  return UpdateEnvFile(env, {}, del);
}

void AppendJSONString(std::string* out, std::string_view s) {
  constexpr char kHex[] = "0123456789abcdef";
  *out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += static_cast<char>(c);
    } else if (c == '\n') {
      *out += "\\n";
    } else if (c == '\r') {
      *out += "\\r";
    } else if (c == '\t') {
      *out += "\\t";
    } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {  // Go escapes HTML too
      *out += "\\u00";
      *out += kHex[c >> 4];
      *out += kHex[c & 15];
    } else if (c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) & 0xfe) == 0xa8) {
      *out += static_cast<unsigned char>(s[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c >= 0x80) {  // copy a valid UTF-8 sequence; Go writes \ufffd for a bad byte
      int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      bool ok = len > 0 && i + len <= s.size() && ValidUTF8(s.substr(i, len));
      if (ok) {
        out->append(s.substr(i, len));
        i += len - 1;
      } else {
        *out += "\\ufffd";
      }
    } else {
      *out += static_cast<char>(c);
    }
  }
  *out += '"';
}

}  // namespace

std::string CheckEnvWrite(const std::string& name, const std::string& value) {
  if (name == "GOEXE" || name == "GOGCCFLAGS" || name == "GOHOSTARCH" || name == "GOHOSTOS" ||
      name == "GOMOD" || name == "GOWORK" || name == "GOTOOLDIR" || name == "GOVERSION")
    return name + " cannot be modified";
  if (name == "GOENV") return name + " can only be set using the OS environment";
  if (!CanGetenv(name)) return "unknown go command variable " + name;
  // Values that would make the next run fail are refused now.
  if (name == "GO111MODULE" &&
      !(value.empty() || value == "auto" || value == "on" || value == "off"))
    return fmt::format("invalid {} value {}", name, base::Quote(value));
  if (name == "GOPATH") {
    if (!value.empty() && value[0] == '~')
      return "GOPATH entry cannot start with shell metacharacter '~': " + base::Quote(value);
    if (!value.empty() && value[0] != '/')
      return "GOPATH entry is relative; must be absolute path: " + base::Quote(value);
  }
  if (name == "GOMODCACHE" && !value.empty() && value[0] != '/')
    return "GOMODCACHE entry is relative; must be absolute path: " + base::Quote(value);
  if ((name == "CC" || name == "CXX") && !value.empty()) {
    std::string err;
    std::string first = FirstWord(value, &err);
    if (!err.empty()) return fmt::format("invalid {}: {}", name, err);
    if (first.empty()) return name + " entry cannot contain only space";
    if (first[0] != '/' && first != Base(first))
      return fmt::format("{} entry is relative; must be absolute path: {}", name, base::Quote(first));
  }
  if (!ValidUTF8(value)) return fmt::format("invalid UTF-8 in {}=... value", name);
  if (value.find('\0') != std::string::npos)
    return fmt::format("invalid NUL in {}=... value", name);
  if (value.find_first_of("\v\r\n") != std::string::npos)
    return fmt::format("invalid newline in {}=... value", name);
  return "";
}

std::string FormatEnv(const std::vector<EnvVar>& vars) {
  std::string out;
  for (const EnvVar& v : vars) out += fmt::format("{}=\"{}\"\n", v.name, v.value);
  return out;
}

std::string FormatEnvJSON(const std::vector<EnvVar>& vars) {
  std::map<std::string, std::string> sorted;
  for (const EnvVar& v : vars) sorted[v.name] = v.value;
  if (sorted.empty()) return "{}\n";
  std::string out = "{\n";
  std::size_t n = 0;
  for (const auto& [name, value] : sorted) {
    out += '\t';
    AppendJSONString(&out, name);
    out += ": ";
    AppendJSONString(&out, value);
    out += ++n < sorted.size() ? ",\n" : "\n";
  }
  out += "}\n";
  return out;
}

EnvResult RunEnv(const EnvOptions& opts, const std::vector<std::string>& args, const Environ& env) {
  if (opts.json && opts.unset) return Fail("cannot use -json with -u");
  if (opts.json && opts.write) return Fail("cannot use -json with -w");
  if (opts.unset && opts.write) return Fail("cannot use -u with -w");
  if (opts.write) return RunEnvW(args, env);
  if (opts.unset) return RunEnvU(args, env);

  std::vector<EnvVar> vars = Config::Load(env).MkEnv();
  if (args.empty()) return {opts.json ? FormatEnvJSON(vars) : FormatEnv(vars), "", 0};
  EnvResult result;
  if (opts.json) {
    std::vector<EnvVar> named;
    for (const std::string& name : args) named.push_back({name, FindEnv(vars, name)});
    result.out = FormatEnvJSON(named);
  } else {
    for (const std::string& name : args) result.out += FindEnv(vars, name) + "\n";
  }
  return result;
}

}  // namespace gotool::cfg
