"""Fitted calibration coefficients, written by `locate calibrate --write` (do not edit by hand).

Fitted on w11 (database locate.duckdb); kinds without
parameters use the heuristic in calibration.py.
"""
LOCATIONS: dict = {'residence': {'intercept': -7.551853,
               'coef': {'share': 3.14429,
                        'strength': 4.103836,
                        'best_link': 2.1335,
                        'log_n': -0.217999,
                        'age_years': 0.079629,
                        'n_sources': 0.040218,
                        'is_top': 1.438261,
                        'margin': 1.088399},
               'n': 2028,
               'positives': 1212},
 'workplace': {'intercept': -6.214755,
               'coef': {'share': 0.56088,
                        'strength': 4.738708,
                        'best_link': 1.701957,
                        'log_n': 0.317601,
                        'age_years': 1.367201,
                        'n_sources': -0.214199,
                        'is_top': 0.702224,
                        'margin': -0.872819},
               'n': 1222,
               'positives': 356}}
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
