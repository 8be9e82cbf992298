// Every test file runs with the network shut except loopback, where the servers under test and the
// local fakes listen: a call that reaches for slack.com or discord.com fails at once, loudly,
// instead of waiting out a timeout on a machine that drops traffic (or reaching the real service).
import nock from 'nock';

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\]|::1)(:\d+)?$/;

nock.disableNetConnect();
nock.enableNetConnect((host) => LOOPBACK.test(host));
