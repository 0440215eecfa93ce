"""Fitted calibration coefficients, written by `locate calibrate --write` (do not edit by hand).

Fitted on w11 (database locate.duckdb); kinds without
parameters use the heuristic in calibration.py.
"""
LOCATIONS: dict = {'residence': {'intercept': -7.200716,
               'coef': {'share': 2.998127,
                        'strength': 4.106321,
                        'best_link': 2.247133,
                        'log_n': -0.322086,
                        'age_years': 0.434111,
                        'n_sources': 0.222246,
                        'is_top': -0.038809,
                        'margin': 1.645721},
               'n': 2004,
               'positives': 1198},
 'workplace': {'intercept': -5.341789,
               'coef': {'share': -0.061824,
                        'strength': 3.696959,
                        'best_link': 2.140898,
                        'log_n': 0.538249,
                        'age_years': 1.078801,
                        'n_sources': -0.245467,
                        'is_top': 0.199334,
                        'margin': -0.754046},
               'n': 1312,
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
