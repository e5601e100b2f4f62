package p
const s = "unterminated
const t = "\z" + `also unterminated
