# Python 2 export script, kept for reference; it does not parse under Python 3.
import urllib2


def export(orders):
    for order in orders:
        print "exporting", order  # TODO: port to Python 3
    return urllib2.urlopen("http://old.example/export").read()
