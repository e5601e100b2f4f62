// SetRequireSeparateIndirect: go 1.17's layout of direct and indirect requirements
// in two blocks, keeping lines, their comments and other blocks where they are.
#include <map>

#include "modcache/modfile.h"
#include "modcache/modfile_internal.h"

namespace gotool::modcache::modfile {

namespace {

// HasComments reports whether c holds comments other than "// indirect".
bool HasComments(const Comments& c) {
  if (!c.before.empty() || !c.after.empty() || c.suffix.size() > 1) return true;
  if (c.suffix.size() == 1) {
    std::string_view t = c.suffix[0].token;
    if (t.starts_with("//")) t.remove_prefix(2);
    std::size_t b = t.find_first_not_of(" \t\n\r\v\f");
    t = b == std::string_view::npos ? std::string_view()
                                    : t.substr(b, t.find_last_not_of(" \t\n\r\v\f") - b + 1);
    return t != "indirect";
  }
  return false;
}

std::string_view Verb(const std::vector<std::string>& t) {
  return t.empty() ? std::string_view() : std::string_view(t[0]);
}

// RequireLayout is where the require statements are: the last all-direct and
// all-indirect uncommented ones, the last of any kind, how many, and which block
// holds each line.
struct RequireLayout {
  int last_direct = -1, last_indirect = -1, last_require = -1, count = 0;
  std::map<const Line*, const LineBlock*> line_to_block;
};

void ScanBlock(const LineBlock& b, int i, RequireLayout* lay) {
  bool all_direct = !b.line.empty() && !HasComments(b.comments);
  bool all_indirect = all_direct;
  for (const auto& l : b.line) {
    lay->line_to_block[l.get()] = &b;
    if (HasComments(l->comments)) {
      all_direct = all_indirect = false;
    } else if (IsIndirect(*l)) {
      all_direct = false;
    } else {
      all_indirect = false;
    }
  }
  if (all_direct) lay->last_direct = i;
  if (all_indirect) lay->last_indirect = i;
}

RequireLayout ScanRequires(const std::vector<Stmt>& stmts) {
  RequireLayout lay;
  for (int i = 0; i < static_cast<int>(stmts.size()); ++i) {
    if (auto* lp = std::get_if<std::shared_ptr<Line>>(&stmts[i])) {
      const Line& l = **lp;
      if (Verb(l.token) != "require") continue;
      lay.last_require = i, ++lay.count;
      if (!HasComments(l.comments)) (IsIndirect(l) ? lay.last_indirect : lay.last_direct) = i;
    } else if (auto* bp = std::get_if<std::shared_ptr<LineBlock>>(&stmts[i])) {
      if (Verb((*bp)->token) != "require") continue;
      lay.last_require = i, ++lay.count;
      ScanBlock(**bp, i, &lay);
    }
  }
  return lay;
}

LineBlock* InsertBlock(std::vector<Stmt>* stmts, int i) {
  auto block = std::make_shared<LineBlock>();
  block->token = {"require"};
  stmts->insert(stmts->begin() + i, block);
  return block.get();
}

// EnsureBlock returns the block at i, turning a single require line into one.
LineBlock* EnsureBlock(std::vector<Stmt>* stmts, int i) {
  if (auto* bp = std::get_if<std::shared_ptr<LineBlock>>(&(*stmts)[i])) return bp->get();
  std::shared_ptr<Line> l = std::get<std::shared_ptr<Line>>((*stmts)[i]);
  auto block = std::make_shared<LineBlock>();
  block->token = {"require"};
  l->token.erase(l->token.begin());
  l->in_block = true;
  block->line.push_back(l);
  (*stmts)[i] = block;
  return block.get();
}

// PrepareBlocks finds or makes the blocks that take new direct and indirect
// requirements; empty or one-line blocks are left for Cleanup.
std::pair<LineBlock*, LineBlock*> PrepareBlocks(std::vector<Stmt>* stmts, RequireLayout lay) {
  LineBlock* direct;
  if (lay.last_direct < 0) {
    if (lay.last_indirect >= 0) {
      lay.last_direct = lay.last_indirect++;
    } else if (lay.last_require >= 0) {
      lay.last_direct = lay.last_require + 1;
    } else {
      lay.last_direct = static_cast<int>(stmts->size());
    }
    direct = InsertBlock(stmts, lay.last_direct);
  } else {
    direct = EnsureBlock(stmts, lay.last_direct);
  }
  if (lay.last_indirect < 0) return {direct, InsertBlock(stmts, lay.last_direct + 1)};
  return {direct, EnsureBlock(stmts, lay.last_indirect)};
}

// MoveReq puts r's line at the end of block, leaving a removed copy behind for
// Cleanup; a requirement without a line gets a new one.
void MoveReq(Require* r, LineBlock* block) {
  std::shared_ptr<Line> line;
  if (!r->syntax) {
    line = std::make_shared<Line>();
    line->token = {AutoQuote(r->mod.path), r->mod.version};
    r->syntax = line;
    if (r->indirect) SetRequireIndirect(r, true);
  } else {
    line = std::make_shared<Line>(*r->syntax);
    if (!line->in_block && Verb(line->token) == "require") line->token.erase(line->token.begin());
    r->syntax->token.clear();
    r->syntax = line;
  }
  line->in_block = true;
  block->line.push_back(line);
}

}  // namespace

void File::SetRequireSeparateIndirect(const std::vector<Require>& req) {
  RequireLayout lay = ScanRequires(syntax->stmt);
  bool one_flat_uncommented =
      lay.count == 1 && !HasComments(CommentsOf(syntax->stmt[lay.last_require]));
  auto [direct_block, indirect_block] = PrepareBlocks(&syntax->stmt, lay);

  // Update kept requirements; move those whose marking no longer fits their block.
  std::map<std::string, const Require*> need;
  for (const Require& r : req) need[r.mod.path] = &r;
  std::map<std::string, Require*> have;
  for (auto& rp : require) {
    Require* r = rp.get();
    auto it = need.find(r->mod.path);
    if (it == need.end() || have.count(r->mod.path)) {
      MarkRemoved(r->syntax.get());
      *r = Require{};
      continue;
    }
    have[r->mod.path] = r;
    bool indirect = it->second->indirect;
    SetRequireVersion(r, it->second->mod.version);
    SetRequireIndirect(r, indirect);
    auto owner = lay.line_to_block.find(r->syntax.get());
    const LineBlock* in = owner == lay.line_to_block.end() ? nullptr : owner->second;
    if (one_flat_uncommented || in == (indirect ? direct_block : indirect_block))
      MoveReq(r, indirect ? indirect_block : direct_block);
  }
  for (const Require& r : req) {
    if (have.count(r.mod.path)) continue;
    auto nr = std::make_shared<Require>(Require{r.mod, r.indirect, nullptr});
    MoveReq(nr.get(), r.indirect ? indirect_block : direct_block);
    have[r.mod.path] = nr.get();
    require.push_back(nr);
  }
  SortBlocks();
}

}  // namespace gotool::modcache::modfile
