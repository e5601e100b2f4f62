// Package-level initialisation order and initialisation cycle errors
// (go/types' initorder.go).
#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "pkg/types/checker.h"

namespace gotool::types {

namespace {

// GraphNode is a package-level constant, variable or function in the dependency graph.
struct GraphNode {
  Object* obj;
  std::unordered_set<GraphNode*> pred, succ;
  int ndeps = 0;
};

bool IsDependency(Object* obj) {
  ObjectKind k = obj->kind();
  return k == ObjectKind::kConst || k == ObjectKind::kVar || k == ObjectKind::kFunc;
}

// FindPath returns a path from "from" to "to" through dependencies (reversed), or empty.
std::vector<Object*> FindPath(const std::unordered_map<Object*, DeclInfo*>& obj_map, Object* from,
                              Object* to, std::unordered_set<Object*>* seen) {
  if (!seen->insert(from).second) return {};
  auto it = obj_map.find(from);
  if (it == obj_map.end()) return {};
  for (Object* d : it->second->deps) {
    if (d == to) return {d};
    std::vector<Object*> p = FindPath(obj_map, d, to, seen);
    if (!p.empty()) {
      p.push_back(d);
      return p;
    }
  }
  return {};
}

}  // namespace

// DependencyGraph builds the graph of package-level dependencies without functions.
static std::vector<std::unique_ptr<GraphNode>> DependencyGraph(Checker* check,
                                                              std::vector<GraphNode*>* G) {
  std::vector<std::unique_ptr<GraphNode>> nodes;
  std::unordered_map<Object*, GraphNode*> M;
  for (Object* obj : check->obj_list_) {
    if (!IsDependency(obj)) continue;
    nodes.push_back(std::make_unique<GraphNode>());
    nodes.back()->obj = obj;
    M[obj] = nodes.back().get();
  }
  for (auto& n : nodes) {
    for (Object* d : check->obj_map_[n->obj]->deps) {
      auto it = M.find(d);
      if (it == M.end()) continue;
      n->succ.insert(it->second);
      it->second->pred.insert(n.get());
    }
  }
  std::vector<GraphNode*> funcs;
  for (auto& n : nodes) {
    if (n->obj->kind() == ObjectKind::kFunc) {
      funcs.push_back(n.get());
    } else {
      G->push_back(n.get());
    }
  }
  std::stable_sort(funcs.begin(), funcs.end(), [](GraphNode* a, GraphNode* b) {
    return a->pred.size() * a->succ.size() < b->pred.size() * b->succ.size();
  });
  for (GraphNode* n : funcs) {
    for (GraphNode* p : n->pred) {
      if (p == n) continue;
      for (GraphNode* s : n->succ) {
        if (s == n) continue;
        p->succ.insert(s);
        s->pred.insert(p);
      }
      p->succ.erase(n);
    }
    for (GraphNode* s : n->succ) s->pred.erase(n);
  }
  for (GraphNode* n : *G) n->ndeps = int(n->succ.size());
  return nodes;
}

// ReportCycle reports an initialisation cycle.
static void ReportCycle(Checker* check, const std::vector<Object*>& cycle) {
  Object* obj = cycle[0];
  if (check->compiler_errors_) {
    base::Pos pos = obj->pos;
    check->Errorf(pos, "initialization loop for {}", obj->name);
    for (size_t i = cycle.size(); i > 0; i--) {
      check->Errorf(pos, "\t{} refers to", obj->name);
      obj = cycle[i - 1];
    }
    check->Errorf(pos, "\t{}", obj->name);
    return;
  }
  if (cycle.size() == 1) {
    check->Errorf(obj->pos, "initialization cycle: {} refers to itself", obj->name);
    return;
  }
  base::Pos pos = obj->pos;
  check->Errorf(pos, "initialization cycle for {}", obj->name);
  for (size_t i = cycle.size(); i > 0; i--) {
    check->Errorf(pos, "\t{} refers to", obj->name);
    obj = cycle[i - 1];
  }
  check->Errorf(pos, "\t{}", obj->name);
}

void Checker::InitOrder() {
  std::vector<GraphNode*> G;
  auto owner = DependencyGraph(this, &G);
  auto less = [](GraphNode* a, GraphNode* b) {
    if (a->ndeps != b->ndeps) return a->ndeps < b->ndeps;
    return a->obj->order < b->obj->order;
  };
  std::set<GraphNode*, decltype(less)> pq(less);
  for (GraphNode* n : G) pq.insert(n);
  std::unordered_set<DeclInfo*> emitted;
  while (!pq.empty()) {
    GraphNode* n = *pq.begin();
    pq.erase(pq.begin());
    if (n->ndeps > 0) {
      std::unordered_set<Object*> seen;
      std::vector<Object*> cycle = FindPath(obj_map_, n->obj, n->obj, &seen);
      if (!cycle.empty()) ReportCycle(this, cycle);
    }
    for (GraphNode* p : n->pred) {
      if (pq.erase(p) > 0) {
        p->ndeps--;
        pq.insert(p);
      } else {
        p->ndeps--;
      }
    }
    Var* v = n->obj->TryAs<Var>();
    if (v == nullptr) continue;
    DeclInfo* info = obj_map_[v];
    if (info->init == nullptr || !emitted.insert(info).second) continue;
    if (info_ == nullptr || !info_->record_init_order) continue;
    Initializer init;
    if (info->lhs.empty()) {
      init.lhs.push_back(v);
    } else {
      for (Object* o : info->lhs) init.lhs.push_back(o->As<Var>());
    }
    init.rhs = info->init;
    info_->init_order.push_back(std::move(init));
  }
}

}  // namespace gotool::types
