package m
const(a=F//go:build
b)