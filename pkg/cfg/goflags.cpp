// Go-style flag parsing (Go's flag package semantics) and its rendering for CLI11.
#include "pkg/cfg/goflags.h"

#include <fmt/core.h>

#include <cstdint>
#include <limits>

#include "pkg/base/strconv.h"

namespace gotool::cfg {
namespace {

const FlagSpec* FindSpec(std::span<const FlagSpec> specs, std::string_view name) {
  for (const FlagSpec& spec : specs)
    if (spec.name == name) return &spec;
  return nullptr;
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Unsigned magnitude of digits in base; underscores are allowed (only) when
// underscore_ok, between digits or right after a prefix.
bool ParseMagnitude(std::string_view digits, int base, bool underscore_ok, bool after_prefix,
                    std::uint64_t* out, bool* overflow) {
  std::uint64_t n = 0;
  bool any = false;
  char prev = after_prefix ? '_' : '0';  // a leading '_' after a prefix is allowed
  if (!after_prefix && digits.empty()) return false;
  for (char c : digits) {
    if (c == '_') {
      if (!underscore_ok || (prev == '_' && any)) return false;
      prev = c;
      continue;
    }
    int d = DigitValue(c);
    if (d >= base) return false;
    if (n > (std::numeric_limits<std::uint64_t>::max() - d) / base) *overflow = true;
    n = n * base + d;
    any = true;
    prev = c;
  }
  if (prev == '_' || !any) return false;
  *out = n;
  return true;
}

}  // namespace

bool ParseGoBool(std::string_view s, bool* value) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") {
    *value = true;
    return true;
  }
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") {
    *value = false;
    return true;
  }
  return false;
}

bool ParseGoInt(std::string_view s, long long* value, std::string* reason) {
  auto fail = [&](const char* why) {
    if (reason != nullptr) *reason = why;
    return false;
  };
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  bool prefixed = false;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    if (p == 'x' || p == 'o' || p == 'b') {
      base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      s.remove_prefix(2);
      prefixed = true;
    } else {
      base = 8;
      s.remove_prefix(1);
      prefixed = true;  // "0" is an octal prefix; "0_7" is valid as in Go
    }
  }
  std::uint64_t n = 0;
  bool overflow = false;
  if (!ParseMagnitude(s, base, prefixed, prefixed, &n, &overflow)) {
    // A bare "0" (prefix with no digits) is zero.
    if (!(base == 8 && s.empty() && prefixed)) return fail("parse error");
    n = 0;
  }
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<long long>::max()) + (negative ? 1 : 0);
  if (overflow || n > limit) return fail("value out of range");
  *value = negative ? static_cast<long long>(0 - n) : static_cast<long long>(n);
  return true;
}


namespace {

// SetFlag checks value for spec (has_value false: a boolean without "=value") and
// appends the canonical flag to result; suffix is added to error messages.
bool SetFlag(const FlagSpec& spec, bool has_value, std::string value, const char* suffix,
             FlagParse* result) {
  const std::string& name = spec.name;
  if (spec.kind == FlagKind::kBool) {
    bool b = true;
    if (has_value && !ParseGoBool(value, &b)) {
      // Go words this one differently for the command line and for $GOFLAGS.
      result->error = fmt::format("invalid boolean value {} for {}-{}{}: parse error",
                                  base::Quote(value), *suffix != '\0' ? "flag " : "", name, suffix);
      return false;
    }
    result->flags.push_back({name, b ? "true" : "false"});
    return true;
  }
  if (!has_value) {
    result->error = fmt::format("flag needs an argument: -{}{}", name, suffix);
    return false;
  }
  if (spec.kind == FlagKind::kInt) {
    long long n = 0;
    std::string why;
    if (!ParseGoInt(value, &n, &why)) {
      result->error =
          fmt::format("invalid value {} for flag -{}{}: {}", base::Quote(value), name, suffix, why);
      return false;
    }
    value = std::to_string(n);
  }
  result->flags.push_back({name, std::move(value)});
  return true;
}

// ParseOne parses the flag at args[*i] (which starts with '-' and is not "-" or "--"),
// advancing *i past it and its value. It returns false when parsing must stop: an
// error, a help request, or a kRest flag.
bool ParseOne(std::span<const FlagSpec> specs, const std::vector<std::string>& args, std::size_t* i,
              FlagParse* result) {
  const std::string& s = args[(*i)++];
  std::string_view name = std::string_view(s).substr(s[1] == '-' ? 2 : 1);
  if (name.empty() || name[0] == '-' || name[0] == '=') {
    result->error = "bad flag syntax: " + s;
    return false;
  }
  bool has_value = false;
  std::string value;
  if (std::size_t eq = name.find('=', 1); eq != std::string_view::npos) {
    value = std::string(name.substr(eq + 1));
    has_value = true;
    name = name.substr(0, eq);
  }
  const FlagSpec* spec = FindSpec(specs, name);
  if (spec == nullptr) {
    if (name == "help" || name == "h") {
      result->help = true;
    } else {
      result->error = "flag provided but not defined: -" + std::string(name);
    }
    return false;
  }
  if (spec->kind == FlagKind::kRest) {
    result->rest.assign(args.begin() + static_cast<std::ptrdiff_t>(*i), args.end());
    return false;
  }
  // A non-boolean flag without "=value" takes the next argument, whatever it is.
  if (spec->kind != FlagKind::kBool && !has_value && *i < args.size()) {
    value = args[(*i)++];
    has_value = true;
  }
  return SetFlag(*spec, has_value, std::move(value), "", result);
}

}  // namespace

FlagParse ParseGoFlags(std::span<const FlagSpec> specs, const std::vector<std::string>& args,
                       bool interspersed) {
  FlagParse result;
  std::size_t i = 0;
  while (i < args.size()) {
    const std::string& s = args[i];
    if (s.size() < 2 || s[0] != '-') {  // a non-flag argument ("-" is one)
      if (!interspersed) break;
      result.args.push_back(s);
      ++i;
      continue;
    }
    if (s == "--") {  // "--" ends the flags
      ++i;
      break;
    }
    // Stop at an error, a help request, or a kRest flag (which took the rest).
    if (!ParseOne(specs, args, &i, &result)) return result;
  }
  result.args.insert(result.args.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  return result;
}

std::vector<std::string> SplitFields(std::string_view s) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (true) {
    i = s.find_first_not_of(" \t\n\r\v\f", i);
    if (i == std::string_view::npos) break;
    std::size_t end = s.find_first_of(" \t\n\r\v\f", i);
    if (end == std::string_view::npos) end = s.size();
    words.emplace_back(s.substr(i, end - i));
    i = end;
  }
  return words;
}

std::string CheckGoflags(const std::vector<std::string>& words,
                         const std::function<bool(std::string_view)>& known) {
  for (const std::string& w : words) {
    std::string_view f = w;
    if (f.empty() || f[0] != '-' || f == "-" || f == "--" || f.substr(0, 3) == "---" ||
        f.substr(0, 2) == "-=" || f.substr(0, 3) == "--=")
      return "parsing $GOFLAGS: non-flag " + base::Quote(w);
    std::string_view name = f.substr(f[1] == '-' ? 2 : 1);
    name = name.substr(0, name.find('='));
    if (!known(name)) return "parsing $GOFLAGS: unknown flag -" + std::string(name);
  }
  return "";
}

FlagParse ApplyGoflags(std::span<const FlagSpec> specs, const std::vector<std::string>& words) {
  FlagParse result;
  for (const std::string& w : words) {
    std::size_t eq = w.find('=');
    if (eq == 0) continue;  // "=value": invalid, reported (or hidden) by CheckGoflags
    bool has_value = eq != std::string::npos;
    std::string name = w.substr(0, eq);
    std::string value = has_value ? w.substr(eq + 1) : "";
    if (name.rfind("--", 0) == 0) name = name.substr(1);
    if (name.empty() || name[0] != '-') continue;
    name = name.substr(1);
    const FlagSpec* spec = FindSpec(specs, name);
    if (spec == nullptr || spec->kind == FlagKind::kRest) continue;
    if (!SetFlag(*spec, has_value, std::move(value), " (from $GOFLAGS)", &result)) return result;
  }
  return result;
}

std::vector<std::string> ToCliArgs(const FlagParse& parse) {
  std::vector<std::string> out;
  out.reserve(parse.flags.size() + parse.args.size() + 1);
  for (const ParsedFlag& f : parse.flags) out.push_back("--" + f.name + "=" + f.value);
  out.push_back("--");
  out.insert(out.end(), parse.args.begin(), parse.args.end());
  return out;
}

}  // namespace gotool::cfg
