package p
var m = map[string][]int{"a": {1, 2}, "b": nil}
var s = []struct{ x, y int }{{1, 2}, {x: 3}}
var p = &T{}
var a = [...]int{1: 2, 3}
