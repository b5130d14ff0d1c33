import { describeRouteFuzzing } from './route-fuzz.suite.ts';

// Share 1 of 2 of the documented routes (see route-fuzz.suite.ts): one file each keeps both under two minutes.
describeRouteFuzzing(0, 2);
