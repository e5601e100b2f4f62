package p
var ä¸–ç•Œ = 1
var Ã©tÃ©, aÙ£ = 2, 3
var bad = ÿ Ã í €
