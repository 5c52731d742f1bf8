# Long code: jumps over more than 255 code units and more than 256 constants
# and names, so the compiler must emit EXTENDED_ARG before the jump/load.
# (The unrolled body is written out on purpose; it is not generated at test time.)

def unrolled(n):
    a = b = c = 0
    for i in range(n):
        a = (a * 31 + i + 339564) % 1000003
        b ^= a + 993909
        c += (b >> 3) & 158177
        a, b = b % 65521, a + 414003
        a = (a * 31 + i + 682555) % 1000003
        b ^= a + 50632
        c += (b >> 3) & 75955
        a, b = b % 65521, a + 861169
        a = (a * 31 + i + 561914) % 1000003
        b ^= a + 98703
        c += (b >> 3) & 383453
        a, b = b % 65521, a + 611098
        a = (a * 31 + i + 60817) % 1000003
        b ^= a + 953894
        c += (b >> 3) & 532085
        a, b = b % 65521, a + 225128
        a = (a * 31 + i + 39318) % 1000003
        b ^= a + 90123
        c += (b >> 3) & 454711
        a, b = b % 65521, a + 438486
        a = (a * 31 + i + 73249) % 1000003
        b ^= a + 252354
        c += (b >> 3) & 95120
        a, b = b % 65521, a + 577815
        a = (a * 31 + i + 445141) % 1000003
        b ^= a + 61982
        c += (b >> 3) & 867018
        a, b = b % 65521, a + 592922
        a = (a * 31 + i + 129816) % 1000003
        b ^= a + 993474
        c += (b >> 3) & 234084
        a, b = b % 65521, a + 661260
        a = (a * 31 + i + 657912) % 1000003
        b ^= a + 611317
        c += (b >> 3) & 993745
        a, b = b % 65521, a + 64868
        a = (a * 31 + i + 605137) % 1000003
        b ^= a + 613985
        c += (b >> 3) & 415950
        a, b = b % 65521, a + 51999
        if c > 10 ** 12:
            c %= 999983
    return a, b, c

print(unrolled(1), unrolled(10), unrolled(100))

def many_constants():
    values = []
    values.append(7)
    values.append(1007)
    values.append(2007)
    values.append(3007)
    values.append(4007)
    values.append(5007)
    values.append(6007)
    values.append(7007)
    values.append(8007)
    values.append(9007)
    values.append(10007)
    values.append(11007)
    values.append(12007)
    values.append(13007)
    values.append(14007)
    values.append(15007)
    values.append(16007)
    values.append(17007)
    values.append(18007)
    values.append(19007)
    values.append(20007)
    values.append(21007)
    values.append(22007)
    values.append(23007)
    values.append(24007)
    values.append(25007)
    values.append(26007)
    values.append(27007)
    values.append(28007)
    values.append(29007)
    values.append(30007)
    values.append(31007)
    values.append(32007)
    values.append(33007)
    values.append(34007)
    values.append(35007)
    values.append(36007)
    values.append(37007)
    values.append(38007)
    values.append(39007)
    values.append(40007)
    values.append(41007)
    values.append(42007)
    values.append(43007)
    values.append(44007)
    values.append(45007)
    values.append(46007)
    values.append(47007)
    values.append(48007)
    values.append(49007)
    values.append(50007)
    values.append(51007)
    values.append(52007)
    values.append(53007)
    values.append(54007)
    values.append(55007)
    values.append(56007)
    values.append(57007)
    values.append(58007)
    values.append(59007)
    values.append(60007)
    values.append(61007)
    values.append(62007)
    values.append(63007)
    values.append(64007)
    values.append(65007)
    values.append(66007)
    values.append(67007)
    values.append(68007)
    values.append(69007)
    values.append(70007)
    values.append(71007)
    values.append(72007)
    values.append(73007)
    values.append(74007)
    values.append(75007)
    values.append(76007)
    values.append(77007)
    values.append(78007)
    values.append(79007)
    values.append(80007)
    values.append(81007)
    values.append(82007)
    values.append(83007)
    values.append(84007)
    values.append(85007)
    values.append(86007)
    values.append(87007)
    values.append(88007)
    values.append(89007)
    values.append(90007)
    values.append(91007)
    values.append(92007)
    values.append(93007)
    values.append(94007)
    values.append(95007)
    values.append(96007)
    values.append(97007)
    values.append(98007)
    values.append(99007)
    values.append(100007)
    values.append(101007)
    values.append(102007)
    values.append(103007)
    values.append(104007)
    values.append(105007)
    values.append(106007)
    values.append(107007)
    values.append(108007)
    values.append(109007)
    values.append(110007)
    values.append(111007)
    values.append(112007)
    values.append(113007)
    values.append(114007)
    values.append(115007)
    values.append(116007)
    values.append(117007)
    values.append(118007)
    values.append(119007)
    values.append(120007)
    values.append(121007)
    values.append(122007)
    values.append(123007)
    values.append(124007)
    values.append(125007)
    values.append(126007)
    values.append(127007)
    values.append(128007)
    values.append(129007)
    values.append(130007)
    values.append(131007)
    values.append(132007)
    values.append(133007)
    values.append(134007)
    values.append(135007)
    values.append(136007)
    values.append(137007)
    values.append(138007)
    values.append(139007)
    values.append(140007)
    values.append(141007)
    values.append(142007)
    values.append(143007)
    values.append(144007)
    values.append(145007)
    values.append(146007)
    values.append(147007)
    values.append(148007)
    values.append(149007)
    values.append(150007)
    values.append(151007)
    values.append(152007)
    values.append(153007)
    values.append(154007)
    values.append(155007)
    values.append(156007)
    values.append(157007)
    values.append(158007)
    values.append(159007)
    values.append(160007)
    values.append(161007)
    values.append(162007)
    values.append(163007)
    values.append(164007)
    values.append(165007)
    values.append(166007)
    values.append(167007)
    values.append(168007)
    values.append(169007)
    values.append(170007)
    values.append(171007)
    values.append(172007)
    values.append(173007)
    values.append(174007)
    values.append(175007)
    values.append(176007)
    values.append(177007)
    values.append(178007)
    values.append(179007)
    values.append(180007)
    values.append(181007)
    values.append(182007)
    values.append(183007)
    values.append(184007)
    values.append(185007)
    values.append(186007)
    values.append(187007)
    values.append(188007)
    values.append(189007)
    values.append(190007)
    values.append(191007)
    values.append(192007)
    values.append(193007)
    values.append(194007)
    values.append(195007)
    values.append(196007)
    values.append(197007)
    values.append(198007)
    values.append(199007)
    values.append(200007)
    values.append(201007)
    values.append(202007)
    values.append(203007)
    values.append(204007)
    values.append(205007)
    values.append(206007)
    values.append(207007)
    values.append(208007)
    values.append(209007)
    values.append(210007)
    values.append(211007)
    values.append(212007)
    values.append(213007)
    values.append(214007)
    values.append(215007)
    values.append(216007)
    values.append(217007)
    values.append(218007)
    values.append(219007)
    values.append(220007)
    values.append(221007)
    values.append(222007)
    values.append(223007)
    values.append(224007)
    values.append(225007)
    values.append(226007)
    values.append(227007)
    values.append(228007)
    values.append(229007)
    values.append(230007)
    values.append(231007)
    values.append(232007)
    values.append(233007)
    values.append(234007)
    values.append(235007)
    values.append(236007)
    values.append(237007)
    values.append(238007)
    values.append(239007)
    values.append(240007)
    values.append(241007)
    values.append(242007)
    values.append(243007)
    values.append(244007)
    values.append(245007)
    values.append(246007)
    values.append(247007)
    values.append(248007)
    values.append(249007)
    values.append(250007)
    values.append(251007)
    values.append(252007)
    values.append(253007)
    values.append(254007)
    values.append(255007)
    values.append(256007)
    values.append(257007)
    values.append(258007)
    values.append(259007)
    values.append(260007)
    values.append(261007)
    values.append(262007)
    values.append(263007)
    values.append(264007)
    values.append(265007)
    values.append(266007)
    values.append(267007)
    values.append(268007)
    values.append(269007)
    values.append(270007)
    values.append(271007)
    values.append(272007)
    values.append(273007)
    values.append(274007)
    values.append(275007)
    values.append(276007)
    values.append(277007)
    values.append(278007)
    values.append(279007)
    values.append(280007)
    values.append(281007)
    values.append(282007)
    values.append(283007)
    values.append(284007)
    values.append(285007)
    values.append(286007)
    values.append(287007)
    values.append(288007)
    values.append(289007)
    values.append(290007)
    values.append(291007)
    values.append(292007)
    values.append(293007)
    values.append(294007)
    values.append(295007)
    values.append(296007)
    values.append(297007)
    values.append(298007)
    values.append(299007)
    return values

mc = many_constants()
print(len(mc), mc[:3], mc[-3:], sum(mc))

def many_locals():
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 0
    v8 = 1
    v9 = 2
    v10 = 3
    v11 = 4
    v12 = 5
    v13 = 6
    v14 = 0
    v15 = 1
    v16 = 2
    v17 = 3
    v18 = 4
    v19 = 5
    v20 = 6
    v21 = 0
    v22 = 1
    v23 = 2
    v24 = 3
    v25 = 4
    v26 = 5
    v27 = 6
    v28 = 0
    v29 = 1
    v30 = 2
    v31 = 3
    v32 = 4
    v33 = 5
    v34 = 6
    v35 = 0
    v36 = 1
    v37 = 2
    v38 = 3
    v39 = 4
    v40 = 5
    v41 = 6
    v42 = 0
    v43 = 1
    v44 = 2
    v45 = 3
    v46 = 4
    v47 = 5
    v48 = 6
    v49 = 0
    v50 = 1
    v51 = 2
    v52 = 3
    v53 = 4
    v54 = 5
    v55 = 6
    v56 = 0
    v57 = 1
    v58 = 2
    v59 = 3
    v60 = 4
    v61 = 5
    v62 = 6
    v63 = 0
    v64 = 1
    v65 = 2
    v66 = 3
    v67 = 4
    v68 = 5
    v69 = 6
    v70 = 0
    v71 = 1
    v72 = 2
    v73 = 3
    v74 = 4
    v75 = 5
    v76 = 6
    v77 = 0
    v78 = 1
    v79 = 2
    v80 = 3
    v81 = 4
    v82 = 5
    v83 = 6
    v84 = 0
    v85 = 1
    v86 = 2
    v87 = 3
    v88 = 4
    v89 = 5
    v90 = 6
    v91 = 0
    v92 = 1
    v93 = 2
    v94 = 3
    v95 = 4
    v96 = 5
    v97 = 6
    v98 = 0
    v99 = 1
    v100 = 2
    v101 = 3
    v102 = 4
    v103 = 5
    v104 = 6
    v105 = 0
    v106 = 1
    v107 = 2
    v108 = 3
    v109 = 4
    v110 = 5
    v111 = 6
    v112 = 0
    v113 = 1
    v114 = 2
    v115 = 3
    v116 = 4
    v117 = 5
    v118 = 6
    v119 = 0
    v120 = 1
    v121 = 2
    v122 = 3
    v123 = 4
    v124 = 5
    v125 = 6
    v126 = 0
    v127 = 1
    v128 = 2
    v129 = 3
    v130 = 4
    v131 = 5
    v132 = 6
    v133 = 0
    v134 = 1
    v135 = 2
    v136 = 3
    v137 = 4
    v138 = 5
    v139 = 6
    v140 = 0
    v141 = 1
    v142 = 2
    v143 = 3
    v144 = 4
    v145 = 5
    v146 = 6
    v147 = 0
    v148 = 1
    v149 = 2
    v150 = 3
    v151 = 4
    v152 = 5
    v153 = 6
    v154 = 0
    v155 = 1
    v156 = 2
    v157 = 3
    v158 = 4
    v159 = 5
    v160 = 6
    v161 = 0
    v162 = 1
    v163 = 2
    v164 = 3
    v165 = 4
    v166 = 5
    v167 = 6
    v168 = 0
    v169 = 1
    v170 = 2
    v171 = 3
    v172 = 4
    v173 = 5
    v174 = 6
    v175 = 0
    v176 = 1
    v177 = 2
    v178 = 3
    v179 = 4
    v180 = 5
    v181 = 6
    v182 = 0
    v183 = 1
    v184 = 2
    v185 = 3
    v186 = 4
    v187 = 5
    v188 = 6
    v189 = 0
    v190 = 1
    v191 = 2
    v192 = 3
    v193 = 4
    v194 = 5
    v195 = 6
    v196 = 0
    v197 = 1
    v198 = 2
    v199 = 3
    v200 = 4
    v201 = 5
    v202 = 6
    v203 = 0
    v204 = 1
    v205 = 2
    v206 = 3
    v207 = 4
    v208 = 5
    v209 = 6
    v210 = 0
    v211 = 1
    v212 = 2
    v213 = 3
    v214 = 4
    v215 = 5
    v216 = 6
    v217 = 0
    v218 = 1
    v219 = 2
    v220 = 3
    v221 = 4
    v222 = 5
    v223 = 6
    v224 = 0
    v225 = 1
    v226 = 2
    v227 = 3
    v228 = 4
    v229 = 5
    v230 = 6
    v231 = 0
    v232 = 1
    v233 = 2
    v234 = 3
    v235 = 4
    v236 = 5
    v237 = 6
    v238 = 0
    v239 = 1
    v240 = 2
    v241 = 3
    v242 = 4
    v243 = 5
    v244 = 6
    v245 = 0
    v246 = 1
    v247 = 2
    v248 = 3
    v249 = 4
    v250 = 5
    v251 = 6
    v252 = 0
    v253 = 1
    v254 = 2
    v255 = 3
    v256 = 4
    v257 = 5
    v258 = 6
    v259 = 0
    v260 = 1
    v261 = 2
    v262 = 3
    v263 = 4
    v264 = 5
    v265 = 6
    v266 = 0
    v267 = 1
    v268 = 2
    v269 = 3
    v270 = 4
    v271 = 5
    v272 = 6
    v273 = 0
    v274 = 1
    v275 = 2
    v276 = 3
    v277 = 4
    v278 = 5
    v279 = 6
    v280 = 0
    v281 = 1
    v282 = 2
    v283 = 3
    v284 = 4
    v285 = 5
    v286 = 6
    v287 = 0
    v288 = 1
    v289 = 2
    v290 = 3
    v291 = 4
    v292 = 5
    v293 = 6
    v294 = 0
    v295 = 1
    v296 = 2
    v297 = 3
    v298 = 4
    v299 = 5
    return v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11 + v12 + v13 + v14 + v15 + v16 + v17 + v18 + v19 + v20 + v21 + v22 + v23 + v24 + v25 + v26 + v27 + v28 + v29 + v30 + v31 + v32 + v33 + v34 + v35 + v36 + v37 + v38 + v39 + v40 + v41 + v42 + v43 + v44 + v45 + v46 + v47 + v48 + v49 + v50 + v51 + v52 + v53 + v54 + v55 + v56 + v57 + v58 + v59 + v60 + v61 + v62 + v63 + v64 + v65 + v66 + v67 + v68 + v69 + v70 + v71 + v72 + v73 + v74 + v75 + v76 + v77 + v78 + v79 + v80 + v81 + v82 + v83 + v84 + v85 + v86 + v87 + v88 + v89 + v90 + v91 + v92 + v93 + v94 + v95 + v96 + v97 + v98 + v99 + v100 + v101 + v102 + v103 + v104 + v105 + v106 + v107 + v108 + v109 + v110 + v111 + v112 + v113 + v114 + v115 + v116 + v117 + v118 + v119 + v120 + v121 + v122 + v123 + v124 + v125 + v126 + v127 + v128 + v129 + v130 + v131 + v132 + v133 + v134 + v135 + v136 + v137 + v138 + v139 + v140 + v141 + v142 + v143 + v144 + v145 + v146 + v147 + v148 + v149 + v150 + v151 + v152 + v153 + v154 + v155 + v156 + v157 + v158 + v159 + v160 + v161 + v162 + v163 + v164 + v165 + v166 + v167 + v168 + v169 + v170 + v171 + v172 + v173 + v174 + v175 + v176 + v177 + v178 + v179 + v180 + v181 + v182 + v183 + v184 + v185 + v186 + v187 + v188 + v189 + v190 + v191 + v192 + v193 + v194 + v195 + v196 + v197 + v198 + v199 + v200 + v201 + v202 + v203 + v204 + v205 + v206 + v207 + v208 + v209 + v210 + v211 + v212 + v213 + v214 + v215 + v216 + v217 + v218 + v219 + v220 + v221 + v222 + v223 + v224 + v225 + v226 + v227 + v228 + v229 + v230 + v231 + v232 + v233 + v234 + v235 + v236 + v237 + v238 + v239 + v240 + v241 + v242 + v243 + v244 + v245 + v246 + v247 + v248 + v249 + v250 + v251 + v252 + v253 + v254 + v255 + v256 + v257 + v258 + v259 + v260 + v261 + v262 + v263 + v264 + v265 + v266 + v267 + v268 + v269 + v270 + v271 + v272 + v273 + v274 + v275 + v276 + v277 + v278 + v279 + v280 + v281 + v282 + v283 + v284 + v285 + v286 + v287 + v288 + v289 + v290 + v291 + v292 + v293 + v294 + v295 + v296 + v297 + v298 + v299

print(many_locals())

def long_if(flag):
    out = []
    if flag:
        out.append(0 * 0)
        out.append(1 * 1)
        out.append(2 * 2)
        out.append(3 * 3)
        out.append(4 * 4)
        out.append(5 * 5)
        out.append(6 * 6)
        out.append(7 * 7)
        out.append(8 * 8)
        out.append(9 * 9)
        out.append(10 * 10)
        out.append(11 * 11)
        out.append(12 * 12)
        out.append(13 * 13)
        out.append(14 * 14)
        out.append(15 * 15)
        out.append(16 * 16)
        out.append(17 * 17)
        out.append(18 * 18)
        out.append(19 * 19)
        out.append(20 * 20)
        out.append(21 * 21)
        out.append(22 * 22)
        out.append(23 * 23)
        out.append(24 * 24)
        out.append(25 * 25)
        out.append(26 * 26)
        out.append(27 * 27)
        out.append(28 * 28)
        out.append(29 * 29)
        out.append(30 * 30)
        out.append(31 * 31)
        out.append(32 * 32)
        out.append(33 * 33)
        out.append(34 * 34)
        out.append(35 * 35)
        out.append(36 * 36)
        out.append(37 * 37)
        out.append(38 * 38)
        out.append(39 * 39)
        out.append(40 * 40)
        out.append(41 * 41)
        out.append(42 * 42)
        out.append(43 * 43)
        out.append(44 * 44)
        out.append(45 * 45)
        out.append(46 * 46)
        out.append(47 * 47)
        out.append(48 * 48)
        out.append(49 * 49)
        out.append(50 * 50)
        out.append(51 * 51)
        out.append(52 * 52)
        out.append(53 * 53)
        out.append(54 * 54)
        out.append(55 * 55)
        out.append(56 * 56)
        out.append(57 * 57)
        out.append(58 * 58)
        out.append(59 * 59)
    else:
        out.append("skipped")
    return len(out), out[-1]

print(long_if(True), long_if(False))
