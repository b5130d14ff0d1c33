import { describeRouteFuzzing } from './route-fuzz.suite.ts';

// Share 2 of 2 of the documented routes (see route-fuzz.suite.ts): one file each keeps both under two minutes.
describeRouteFuzzing(1, 2);
