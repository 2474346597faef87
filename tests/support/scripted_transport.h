// A Transport for tests: records every request; the test answers them when and how it likes, in any order,
// so that concurrency, reordering and failures can be scripted. Completions never run inside send().
#pragma once
#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>
#include "workfront/transport.h"

namespace wftest {

class ScriptedTransport : public wf::Transport {
public:
    struct Pending {
        wf::RequestId id;
        wf::Request request;
        Completion done;
    };

    // Optional: answer automatically. Return true and fill `out` to answer; false leaves it pending.
    std::function<bool(const wf::Request&, wf::Response& out)> auto_responder;

    wf::RequestId send(const wf::Request& request, Completion done) override {
        wf::RequestId id = ++next_id_;
        sent.push_back(request);
        pending_.push_back({id, request, std::move(done)});
        return id;
    }
    void cancel(wf::RequestId id) override {
        cancelled.push_back(id);
        pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                      [&](const Pending& p) { return p.id == id; }),
                       pending_.end());
    }

    size_t pending_count() const { return pending_.size(); }
    const std::vector<Pending>& pending() const { return pending_; }

    // Answers the pending request at `index` (0 = oldest).
    void respond(size_t index, const wf::Response& response) {
        if (index >= pending_.size()) throw std::out_of_range("no such pending request");
        Pending p = std::move(pending_[index]);
        pending_.erase(pending_.begin() + static_cast<long>(index));
        p.done(response);
    }
    void respond(size_t index, int status, const std::string& body) { respond(index, wf::Response{status, body, "application/json"}); }

    // Runs the auto_responder over pending requests until it answers none. Returns how many it answered.
    int pump() {
        int answered = 0;
        bool progress = true;
        while (progress && auto_responder) {
            progress = false;
            for (size_t i = 0; i < pending_.size(); ++i) {
                wf::Response r;
                if (auto_responder(pending_[i].request, r)) {
                    respond(i, r);
                    ++answered;
                    progress = true;
                    break;
                }
            }
        }
        return answered;
    }

    std::vector<wf::Request> sent;           // every request, in send order
    std::vector<wf::RequestId> cancelled;

private:
    std::vector<Pending> pending_;
    wf::RequestId next_id_ = 0;
};

}  // namespace wftest
