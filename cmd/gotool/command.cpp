// Command: Go-style flag parsing in front of CLI11, usage messages and help text.
#include "cmd/gotool/command.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdio>

namespace gotool::cli {
namespace {

// Trim drops leading and trailing blank lines and spaces, as go's help template does.
std::string Trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

int NotImplemented(const std::string& full_name) {
  fmt::print(stderr, "gotool {}: not implemented yet\n", full_name);
  return 2;
}

Command::Command(CLI::App* /*parent*/, std::string full_name, std::string usage_args,
                 std::string short_help, std::string long_help)
    : full_name_(std::move(full_name)),
      usage_args_(std::move(usage_args)),
      short_help_(std::move(short_help)),
      long_help_(std::move(long_help)) {
  std::size_t space = full_name_.rfind(' ');
  name_ = space == std::string::npos ? full_name_ : full_name_.substr(space + 1);
}

void Command::Bool(const std::string& name, bool* value, std::string_view /*help*/) {
  bindings_.push_back({name, Binding::kBool, value});
  specs_.push_back({name, cfg::FlagKind::kBool});
}

void Command::Int(const std::string& name, int* value, std::string_view /*help*/) {
  bindings_.push_back({name, Binding::kInt, value});
  specs_.push_back({name, cfg::FlagKind::kInt});
}

void Command::String(const std::string& name, std::string* value, std::string_view /*help*/) {
  bindings_.push_back({name, Binding::kString, value});
  specs_.push_back({name, cfg::FlagKind::kString});
}

void Command::StringList(const std::string& name, std::vector<std::string>* values,
                         std::string_view /*help*/) {
  bindings_.push_back({name, Binding::kStringList, values});
  specs_.push_back({name, cfg::FlagKind::kString});
}

void Command::Rest(const std::string& name, std::vector<std::string>* rest) {
  specs_.push_back({name, cfg::FlagKind::kRest});
  rest_ = rest;
}

void Command::Args(std::vector<std::string>* args) { args_ = args; }

// App returns the CLI11 app of this command, with options for at least the flags
// given (a flag's option is added the first time it is used).
CLI::App* Command::App(const std::vector<cfg::ParsedFlag>& flags) {
  if (!app_) {
    app_ = std::make_unique<CLI::App>(short_help_, name_);
    app_->set_help_flag();  // -h and -help are handled the Go way, in Execute
    // The non-flag arguments; a command without Args() ignores them.
    app_->add_option("args", args_ != nullptr ? *args_ : ignored_args_);
  }
  for (const cfg::ParsedFlag& f : flags) {
    if (std::find(added_.begin(), added_.end(), f.name) != added_.end()) continue;
    added_.push_back(f.name);
    for (const Binding& b : bindings_)
      if (b.name == f.name) b.AddTo(app_.get());
  }
  return app_.get();
}

void Command::Binding::AddTo(CLI::App* app) const {
  // The values are already checked and canonical (ParseGoFlags): the last one wins,
  // except for a list, which keeps them all.
  std::string option = "--" + name;
  switch (kind) {
    case kBool:
      app->add_flag(option, *static_cast<bool*>(target))
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
      break;
    case kInt:
      app->add_option(option, *static_cast<int*>(target))
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
      break;
    case kString:
      app->add_option(option, *static_cast<std::string*>(target))
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
      break;
    case kStringList:
      app->add_option(option, *static_cast<std::vector<std::string>*>(target))
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
      break;
  }
}

Command* Command::AddSubcommand(std::string name, std::string usage_args, std::string short_help,
                                std::string long_help) {
  subcommands_.push_back(std::make_unique<Command>(nullptr, full_name_ + " " + name,
                                                   std::move(usage_args), std::move(short_help),
                                                   std::move(long_help)));
  return subcommands_.back().get();
}

Command* Command::FindSubcommand(const std::string& name) const {
  for (const auto& c : subcommands_)
    if (c->name() == name) return c.get();
  return nullptr;
}

std::string Command::UsageLine() const {
  std::string line = "gotool " + full_name_;
  if (!usage_args_.empty()) line += " " + usage_args_;
  return line;
}

void Command::PrintUsage() const {
  std::string hint =
      details.empty() ? "Run 'gotool help " + full_name_ + "' for details." : details;
  fmt::print(stderr, "usage: {}\n{}\n", UsageLine(), hint);
}

int Command::UsageError(const std::string& message) const {
  fmt::print(stderr, "{}\n", message);
  PrintUsage();
  return 2;
}

std::string Command::SubcommandList() const {
  std::string out = "Usage:\n\n\tgotool " + full_name_ + " <command> [arguments]\n\n";
  out += "The commands are:\n\n";
  for (const auto& c : subcommands_)
    if (!c->hidden) out += fmt::format("\t{:<11} {}\n", c->name(), c->short_help());
  out += fmt::format("\nUse \"gotool help {} <command>\" for more information about a command.\n\n",
                     full_name_);
  return out;
}

std::string Command::Help() const {
  if (!subcommands_.empty()) return Trim(long_help_) + "\n\n" + SubcommandList();
  return "usage: " + UsageLine() + "\n\n" + Trim(long_help_) + "\n";
}

bool Command::DefinesFlag(std::string_view name) const {
  for (const cfg::FlagSpec& spec : specs_)
    if (spec.name == name) return true;
  for (const auto& c : subcommands_)
    if (c->DefinesFlag(name)) return true;
  return false;
}

int Command::RunSubcommand(const std::vector<std::string>& args,
                           const std::vector<std::string>& goflags) {
  if (args.empty()) {
    fmt::print(stderr, "{}", Help());
    return 2;
  }
  Command* sub = FindSubcommand(args[0]);
  if (sub == nullptr) {
    fmt::print(stderr, "gotool {} {}: unknown command\nRun 'gotool help {}' for usage.\n",
               full_name_, args[0], full_name_);
    return 2;
  }
  return sub->Execute(std::vector<std::string>(args.begin() + 1, args.end()), goflags);
}

int Command::Execute(const std::vector<std::string>& args,
                     const std::vector<std::string>& goflags) {
  if (run_raw) return run_raw(args);
  if (!subcommands_.empty()) return RunSubcommand(args, goflags);

  // $GOFLAGS first, so that the command line overrides it.
  cfg::FlagParse from_env = cfg::ApplyGoflags(specs_, goflags);
  if (!from_env.error.empty()) return UsageError("gotool: " + from_env.error);

  // Go's flag rules first; CLI11 then sees only "--name=value" and "--" args.
  cfg::FlagParse parse = cfg::ParseGoFlags(specs_, args, interspersed);
  if (parse.help) {
    PrintUsage();
    return 2;
  }
  if (!parse.error.empty()) return UsageError(parse.error);
  parse.flags.insert(parse.flags.begin(), from_env.flags.begin(), from_env.flags.end());
  parsed_flags_ = parse.flags;
  if (rest_ != nullptr) *rest_ = parse.rest;
  std::vector<std::string> tokens = cfg::ToCliArgs(parse);
  std::reverse(tokens.begin(), tokens.end());  // CLI11 takes its vector in reverse
  try {
    CLI::App* app = App(parse.flags);
    app->clear();
    app->parse(tokens);
  } catch (const CLI::ParseError& e) {
    return UsageError(e.what());
  }
  if (!run) return NotImplemented(full_name_);
  return run();
}

}  // namespace gotool::cli
