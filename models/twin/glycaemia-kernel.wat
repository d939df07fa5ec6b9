;; One day of the twin's glycaemia for every member, two members per instruction (WebAssembly SIMD,
;; f64x2). The same operations in the same order as the reference in glycaemia-kernel.ts, so the
;; results are bit for bit the reference's (IEEE-754 double add, multiply, divide and square root are
;; exact-rounded on every platform, and WebAssembly never fuses a multiply into an add); a unit test
;; holds the two to equality. Assembled by tools/gen/wasm-kernels.ts into glycaemia-kernel.generated.ts.
;;
;; Memory: arrays of doubles, one value per member, padded to an even count; the flags are bytes.
;; Per pair of members:
;;   x    = scale·(W − W0)
;;   q    = c·(1 + odds·rate)                     (c = HOMA constant / hepatic sensitivity)
;;   z    = q/(1 − x) for a loss (x ≤ 0), q·(1 + x) for a gain
;;   FPG  = ½·(floor + √(floor² + z))
;;   s    = kin/k·FPG + PPG/k;  A1..A3 advance one day (exact equal-rate transit chain)
;;   HbA1c = A1 + A2 + A3;  flag |= FPG ≥ fpgLimit or HbA1c ≥ hba1cLimit
(module
  (import "env" "memory" (memory 1))
  (func (export "step")
    (param $pairs i32)
    (param $pW0 i32) (param $pScale i32) (param $pC i32) (param $pPpgK i32) (param $pRate i32)
    (param $pA1 i32) (param $pA2 i32) (param $pA3 i32) (param $pOdds i32)
    (param $pWeight i32) (param $pFpg i32) (param $pHba1c i32) (param $pFlags i32)
    (param $kT f64) (param $kinK f64) (param $eK f64) (param $c3 f64)
    (param $floor f64) (param $floorSq f64) (param $fpgLimit f64) (param $hba1cLimit f64)
    (local $o i32) (local $end i32) (local $f i32) (local $bits i32)
    (local $vkT v128) (local $vkinK v128) (local $veK v128) (local $vc3 v128)
    (local $vfloor v128) (local $vfloorSq v128) (local $vfl v128) (local $val v128)
    (local $one v128) (local $zero v128) (local $half v128)
    (local $x v128) (local $loss v128) (local $odds v128) (local $q v128) (local $z v128)
    (local $fpg v128) (local $s v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $n1 v128) (local $n2 v128) (local $n3 v128) (local $a v128)
    (local.set $vkT (f64x2.splat (local.get $kT)))
    (local.set $vkinK (f64x2.splat (local.get $kinK)))
    (local.set $veK (f64x2.splat (local.get $eK)))
    (local.set $vc3 (f64x2.splat (local.get $c3)))
    (local.set $vfloor (f64x2.splat (local.get $floor)))
    (local.set $vfloorSq (f64x2.splat (local.get $floorSq)))
    (local.set $vfl (f64x2.splat (local.get $fpgLimit)))
    (local.set $val (f64x2.splat (local.get $hba1cLimit)))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (local.set $o (i32.const 0))
    (local.set $f (local.get $pFlags))
    (local.set $end (i32.shl (local.get $pairs) (i32.const 4)))
    (block $done
      (loop $members
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        ;; x = scale·(W − W0)
        (local.set $x
          (f64x2.mul
            (v128.load (i32.add (local.get $pScale) (local.get $o)))
            (f64x2.sub
              (v128.load (i32.add (local.get $pWeight) (local.get $o)))
              (v128.load (i32.add (local.get $pW0) (local.get $o))))))
        (local.set $loss (f64x2.le (local.get $x) (local.get $zero)))
        ;; odds of β-cell dysfunction, advanced one day
        (local.set $odds
          (f64x2.mul
            (v128.load (i32.add (local.get $pOdds) (local.get $o)))
            (v128.load (i32.add (local.get $pRate) (local.get $o)))))
        (local.set $q
          (f64x2.mul
            (v128.load (i32.add (local.get $pC) (local.get $o)))
            (f64x2.add (local.get $one) (local.get $odds))))
        ;; a loss divides by 1 − x, a gain multiplies by 1 + x (the lane's other operand is 1: exact)
        (local.set $z
          (f64x2.div
            (f64x2.mul
              (local.get $q)
              (v128.bitselect (local.get $one) (f64x2.add (local.get $one) (local.get $x)) (local.get $loss)))
            (v128.bitselect (f64x2.sub (local.get $one) (local.get $x)) (local.get $one) (local.get $loss))))
        (local.set $fpg
          (f64x2.mul
            (local.get $half)
            (f64x2.add (local.get $vfloor) (f64x2.sqrt (f64x2.add (local.get $vfloorSq) (local.get $z))))))
        (local.set $s
          (f64x2.add
            (f64x2.mul (local.get $vkinK) (local.get $fpg))
            (v128.load (i32.add (local.get $pPpgK) (local.get $o)))))
        (local.set $d1 (f64x2.sub (v128.load (i32.add (local.get $pA1) (local.get $o))) (local.get $s)))
        (local.set $d2 (f64x2.sub (v128.load (i32.add (local.get $pA2) (local.get $o))) (local.get $s)))
        (local.set $d3 (f64x2.sub (v128.load (i32.add (local.get $pA3) (local.get $o))) (local.get $s)))
        (local.set $n1 (f64x2.add (local.get $s) (f64x2.mul (local.get $d1) (local.get $veK))))
        (local.set $n2
          (f64x2.add
            (local.get $s)
            (f64x2.mul (f64x2.add (local.get $d2) (f64x2.mul (local.get $vkT) (local.get $d1))) (local.get $veK))))
        (local.set $n3
          (f64x2.add
            (local.get $s)
            (f64x2.mul
              (f64x2.add
                (f64x2.add (local.get $d3) (f64x2.mul (local.get $vkT) (local.get $d2)))
                (f64x2.mul (local.get $vc3) (local.get $d1)))
              (local.get $veK))))
        (local.set $a (f64x2.add (f64x2.add (local.get $n1) (local.get $n2)) (local.get $n3)))
        (v128.store (i32.add (local.get $pA1) (local.get $o)) (local.get $n1))
        (v128.store (i32.add (local.get $pA2) (local.get $o)) (local.get $n2))
        (v128.store (i32.add (local.get $pA3) (local.get $o)) (local.get $n3))
        (v128.store (i32.add (local.get $pOdds) (local.get $o)) (local.get $odds))
        (v128.store (i32.add (local.get $pFpg) (local.get $o)) (local.get $fpg))
        (v128.store (i32.add (local.get $pHba1c) (local.get $o)) (local.get $a))
        ;; flags: one bit per lane, OR-ed into each member's byte
        (local.set $bits
          (i64x2.bitmask
            (v128.or (f64x2.ge (local.get $fpg) (local.get $vfl)) (f64x2.ge (local.get $a) (local.get $val)))))
        (i32.store8 (local.get $f)
          (i32.or (i32.load8_u (local.get $f)) (i32.and (local.get $bits) (i32.const 1))))
        (i32.store8 offset=1 (local.get $f)
          (i32.or (i32.load8_u offset=1 (local.get $f)) (i32.shr_u (local.get $bits) (i32.const 1))))
        (local.set $f (i32.add (local.get $f) (i32.const 2)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $members)))))
