package p
const s = "tab\t quote\" hex\xff oct\377 uni\u4e16" + `raw
line\n`
