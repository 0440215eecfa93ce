"""Fitted calibration coefficients, written by `locate calibrate --write` (do not edit by hand).

Fitted on w11 (database locate.duckdb); kinds without
parameters use the heuristic in calibration.py.
"""
LOCATIONS: dict = {'residence': {'intercept': -4.617209,
               'coef': {'share': 3.059106,
                        'strength': 3.6872,
                        'best_link': -0.252683,
                        'log_n': -0.155788,
                        'age_years': -0.217266,
                        'n_sources': -0.023675,
                        'is_top': 1.43679,
                        'margin': 1.226204},
               'n': 1963,
               'positives': 1202},
 'workplace': {'intercept': -3.58592,
               'coef': {'share': 0.479197,
                        'strength': 4.572999,
                        'best_link': -0.858139,
                        'log_n': 0.454132,
                        'age_years': 1.367657,
                        'n_sources': -0.265947,
                        'is_top': 0.901085,
                        'margin': -1.013957},
               'n': 1115,
               'positives': 352}}
CONTACTS: dict = {'phone': {'intercept': 0.175286,
           'coef': {'share': 2.943172,
                    'strength': 0.480586,
                    'best_link': -0.912929,
                    'log_n': -0.194172,
                    'age_years': -1.492956,
                    'n_sources': 0.077748,
                    'is_top': 0.491489,
                    'margin': -0.008402},
           'n': 2919,
           'positives': 1513}}
