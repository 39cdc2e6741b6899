"""HTS9xx: rules about choosing the status that tells clients the truth.

One module per rule or closely related pair; each reasons about the status value in any spelling and
asks the handler model (`Context.handlers`) about the code around it.
"""
