"""Fitted calibration coefficients, written by `locate calibrate --write` (do not edit by hand).

Fitted on w11 (database locate.duckdb); kinds without
parameters use the heuristic in calibration.py.
"""
LOCATIONS: dict = {'residence': {'intercept': -7.713865,
               'coef': {'share': 3.006464,
                        'strength': 4.171129,
                        'best_link': 2.264162,
                        'log_n': -0.24738,
                        'age_years': 0.103225,
                        'n_sources': 0.051748,
                        'is_top': 1.496437,
                        'margin': 1.117244},
               'n': 2004,
               'positives': 1198},
 'workplace': {'intercept': -6.266391,
               'coef': {'share': 0.489721,
                        'strength': 4.764336,
                        'best_link': 1.81522,
                        'log_n': 0.325645,
                        'age_years': 1.382381,
                        'n_sources': -0.287553,
                        'is_top': 0.735982,
                        'margin': -0.83128},
               'n': 1246,
               'positives': 357}}
CONTACTS: dict = {'phone': {'intercept': 0.096019,
           'coef': {'share': 2.981797,
                    'strength': 0.367595,
                    'best_link': -0.850313,
                    'log_n': -0.231198,
                    'age_years': -1.475676,
                    'n_sources': 0.125978,
                    'is_top': 0.484892,
                    'margin': -0.021726},
           'n': 2932,
           'positives': 1519}}
