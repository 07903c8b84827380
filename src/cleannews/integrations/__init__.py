"""Optional integrations with other engines (each needs its extra).

* :mod:`cleannews.integrations.datatrove`: a cleaning step and a spin filter
  for datatrove pipelines (``pip install 'cleannews[datatrove]'``).
"""
