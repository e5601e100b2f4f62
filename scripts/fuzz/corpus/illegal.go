package p
var x = # $ ? @ \ ~
