//line 
package p